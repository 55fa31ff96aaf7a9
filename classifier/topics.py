"""The fixed topic ids shared by every plan, the classifier and the Open311 API."""

from enum import StrEnum


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
    Topic.CHILDCARE: "托育与学前",
    Topic.SCHOOLING: "学校教育",
    Topic.SPECIAL_NEEDS: "特殊教育与残疾儿童",
    Topic.HEALTH: "医疗健康",
    Topic.MENTAL_HEALTH: "心理健康",
    Topic.CULTURE_SPORTS: "文化体育",
    Topic.WELFARE: "儿童福利",
    Topic.PARTICIPATION: "儿童参与",
    Topic.PUBLIC_SPACE: "公共空间",
    Topic.COMMUNITY: "社区",
    Topic.TRANSPORT: "出行交通",
    Topic.SAFETY: "人身安全",
    Topic.ONLINE: "网络环境",
    Topic.CONSUMER_SAFETY: "食品用品安全",
    Topic.FAMILY: "家庭",
    Topic.ENVIRONMENT: "生态环境",
    Topic.LEGAL: "法治保护",
}

CHILD_LABELS: dict[Topic, str] = {
    Topic.CHILDCARE: "幼儿园和托儿所",
    Topic.SCHOOLING: "学校和学习",
    Topic.SPECIAL_NEEDS: "残疾小朋友和无障碍",
    Topic.HEALTH: "看病和身体健康",
    Topic.MENTAL_HEALTH: "心情和心理",
    Topic.CULTURE_SPORTS: "读书、运动和文化活动",
    Topic.WELFARE: "需要帮助的小朋友",
    Topic.PARTICIPATION: "让大人听听孩子的话",
    Topic.PUBLIC_SPACE: "公园和公共场所",
    Topic.COMMUNITY: "小区和社区",
    Topic.TRANSPORT: "上学路上的交通",
    Topic.SAFETY: "安全",
    Topic.ONLINE: "网络和游戏",
    Topic.CONSUMER_SAFETY: "吃的和用的东西安不安全",
    Topic.FAMILY: "家里的事",
    Topic.ENVIRONMENT: "环境和大自然",
    Topic.LEGAL: "法律和权利",
}

TOPIC_IDS: tuple[str, ...] = tuple(t.value for t in Topic)
