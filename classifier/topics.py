"""The fixed topic ids shared by every plan, the classifier and the Open311 API."""

from enum import StrEnum

from classifier.i18n import N_


class Topic(StrEnum):
    CHILDCARE = "childcare"
    SCHOOLING = "schooling"
    SPECIAL_NEEDS = "special_needs"
    HEALTH = "health"
    MENTAL_HEALTH = "mental_health"
    CULTURE_SPORTS = "culture_sports"
    WELFARE = "welfare"
    PARTICIPATION = "participation"
    PUBLIC_SPACE = "public_space"
    COMMUNITY = "community"
    TRANSPORT = "transport"
    SAFETY = "safety"
    ONLINE = "online"
    CONSUMER_SAFETY = "consumer_safety"
    FAMILY = "family"
    ENVIRONMENT = "environment"
    LEGAL = "legal"

    @property
    def label(self) -> str:
        """The Chinese name shown to people."""
        return TOPIC_LABELS[self]

    @property
    def child_label(self) -> str:
        """How the assistant names the topic to a child."""
        return CHILD_LABELS[self]


TOPIC_LABELS: dict[Topic, str] = {
    Topic.CHILDCARE: N_("托育与学前"),
    Topic.SCHOOLING: N_("学校教育"),
    Topic.SPECIAL_NEEDS: N_("特殊教育与残疾儿童"),
    Topic.HEALTH: N_("医疗健康"),
    Topic.MENTAL_HEALTH: N_("心理健康"),
    Topic.CULTURE_SPORTS: N_("文化体育"),
    Topic.WELFARE: N_("儿童福利"),
    Topic.PARTICIPATION: N_("儿童参与"),
    Topic.PUBLIC_SPACE: N_("公共空间"),
    Topic.COMMUNITY: N_("社区"),
    Topic.TRANSPORT: N_("出行交通"),
    Topic.SAFETY: N_("人身安全"),
    Topic.ONLINE: N_("网络环境"),
    Topic.CONSUMER_SAFETY: N_("食品用品安全"),
    Topic.FAMILY: N_("家庭"),
    Topic.ENVIRONMENT: N_("生态环境"),
    Topic.LEGAL: N_("法治保护"),
}

CHILD_LABELS: dict[Topic, str] = {
    Topic.CHILDCARE: N_("幼儿园和托儿所"),
    Topic.SCHOOLING: N_("学校和学习"),
    Topic.SPECIAL_NEEDS: N_("残疾小朋友和无障碍"),
    Topic.HEALTH: N_("看病和身体健康"),
    Topic.MENTAL_HEALTH: N_("心情和心理"),
    Topic.CULTURE_SPORTS: N_("读书、运动和文化活动"),
    Topic.WELFARE: N_("需要帮助的小朋友"),
    Topic.PARTICIPATION: N_("让大人听听孩子的话"),
    Topic.PUBLIC_SPACE: N_("公园和公共场所"),
    Topic.COMMUNITY: N_("小区和社区"),
    Topic.TRANSPORT: N_("上学路上的交通"),
    Topic.SAFETY: N_("安全"),
    Topic.ONLINE: N_("网络和游戏"),
    Topic.CONSUMER_SAFETY: N_("吃的和用的东西安不安全"),
    Topic.FAMILY: N_("家里的事"),
    Topic.ENVIRONMENT: N_("环境和大自然"),
    Topic.LEGAL: N_("法律和权利"),
}

TOPIC_IDS: tuple[str, ...] = tuple(t.value for t in Topic)
