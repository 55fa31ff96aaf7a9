"""Families of harm told by their parts: each family catches new wordings of its kind of harm,
and stays silent when one part is missing or the text is a lesson, a story or a proposal."""

import json
from pathlib import Path

import pytest

from classifier.normalise import normalise
from classifier.safeguard import is_urgent, is_urgent_many, rule_hits, screen_form
from classifier.safeguard_concepts import FAMILIES, concept_view, family_hits

BLIND_RUNS = Path(__file__).resolve().parents[2] / "training/reports/safeguarding_blind_runs.json"

# Wordings written for these tests, none of them a line of the data: (family, text).
FAMILY_POSITIVES = [
    ("starving_to_be_thin", "一天只吃一顿 瘦了才好看 哈哈"),
    ("starving_to_be_thin", "照镜子还是觉得胖 头发一把一把掉"),
    ("school_left_to_earn", "我四年级就不读了，每天在路口给车擦玻璃挣钱"),
    ("school_left_to_earn", "9岁就出来端盘子了，一天站十个钟头"),
    ("marks_on_own_body", "胳膊上又刻了好几道口子，嘻嘻"),
    ("marks_on_own_body", "今天给大腿画了三条红线哈哈"),
    ("marks_on_own_body", "ge bo shang you hua le ji dao, ha ha"),
    ("game_with_a_deadly_level", "挑战打卡第五天，下一关要从天台跳"),
    ("game_with_a_deadly_level", "通关奖励就是吃完这一盒安眠药"),
    ("starving_diary", "减肥第六天，今天什么都没吃"),
    ("hidden_wounds", "新的伤口都用手表挡住了"),
    ("nearly_gone", "昨晚差点就从窗台下去了"),
    ("compulsive_hurting", "一紧张就揪自己头发，停不下来"),
    ("adult_money_or_photos_with_a_lever", "网友叔叔说不给他转钱就把照片发出去"),
    ("adult_money_or_photos_with_a_lever", "游戏里的哥哥让我拍照片，说这是我们的秘密"),
    ("sexual_images_spread", "有人把我的照片P成裸体到处发"),
    ("work_without_leaving_or_pay", "老板扣着我们的身份证，我们在车间干到凌晨"),
    ("work_without_leaving_or_pay", "我在工地干活，老板说不干满三个月不准走，也不给工资"),
    ("a_child_at_work", "我才十四岁，每天在车间装零件"),
    ("work_without_leaving_or_pay", "老板说干完这批货才准回家，我们都不让出门"),
    ("the_group_against_me", "他们在群里天天骂我，还把我踢出去了"),
    ("the_group_against_me", "全班都不理我，因为我没给她们买零食"),
    ("stranded_without_money", "没钱买票了，我在车站待了一晚上，不知道怎么回去"),
    ("hiding_while_they_fight", "我捂住耳朵躲在床底，爸爸又在打妈妈"),
    ("hiding_while_they_fight", "他们吵架摔东西，我藏在柜子里不敢出声"),
    ("wishing_someone_gone_for_peace", "继父要是死掉就好了，家里就安宁了"),
    ("stranded_without_money", "钱都花光了，现在不知道怎么回去"),
    ("keepsakes_handed_over", "以后帮我照顾好我的狗狗，它很乖的"),
    ("keepsakes_handed_over", "我的仓鼠交给你们了，我要去一个很远很远的地方"),
    ("left_alone_for_days", "爸妈出去打工了，我一个人在家住了半个月"),
    ("left_alone_for_days", "我自己在家五天了，冰箱里什么都没有"),
    ("a_child_at_work", "我十五岁，晚上在KTV当气氛组"),
    ("sexual_images_spread", "我的自拍被人配上下流的话发到黄色网站上"),
    ("someone_hits_me", "继父喝醉了又踢了我，腿上全是青的"),
    ("someone_hits_me", "我被舅舅打得耳朵嗡嗡响"),
    ("pain_and_wanting_to_go", "我真的好累好累，想消失"),
    ("hurting_to_cope", "心里很乱的时候我就掐自己，掐到疼了心里就平静了"),
    ("hurting_to_cope", "用尺子割一下手，好像就不那么难受了"),
    ("the_group_against_me", "女生们课间又来整我，把我的书包扔进垃圾桶"),
    ("going_without_at_home", "每天都是咸菜配馒头，我的鞋破了也没人给我买"),
    ("a_sharp_thing_on_my_body", "一烦起来我就拿小刀在胳膊上划，没人知道"),
    ("a_sharp_thing_on_my_body", "我偷偷用别针戳自己的手背"),
    ("begging_in_the_street", "舅舅叫我在天桥上跪着要钱，要不够不准吃饭"),
    ("nobody_reachable_nobody_caring", "爸爸的手机一直关机，家里就剩我和弟弟了"),
    ("fed_by_neighbours_with_no_adult", "家里没有大人，这几天都是对门阿姨给我们送饭"),
    ("mother_hurt", "我放学回家看到妈妈脸上又青了一块"),
    ("fled_far_and_cut_off", "我一个人跑到广州了，别找我"),
    ("a_man_in_my_bed", "继父半夜老是钻进我的被窝，我好害怕"),
    ("a_cruel_name_before_everyone", "他们给我起了个好难听的外号，大家一见我就喊"),
    ("a_cruel_name_before_everyone", "隔壁班天天叫我扫把星，我走路都抬不起头"),
    ("set_to_work_for_scammers", "表哥带我去柬埔寨，说完不成业绩就不给饭吃"),
    ("set_to_work_for_scammers", "网上有人叫我把银行卡借给他跑分，我已经借了，现在怕是骗子"),
    ("beaten_with_a_thing_or_burnt", "昨晚又被继父用皮带抽了，背上好疼"),
    ("thoughts_at_a_height", "最近天天都好累，晚上我站在天台上想，如果……"),
    ("the_body_giving_way_at_the_edge", "这几天吃不下也睡不着，我快要崩溃了"),
    ("hungry_while_the_carer_is_away", "爷爷去收废品到十一点才回来，我和妹妹经常饿肚子"),
    ("living_rough", "我跟爸爸睡在桥洞下面，经常吃不饱"),
    ("an_adult_who_raises_a_hand", "我数学考差了，妈妈骂完还动手"),
    ("afraid_to_be_next", "那个群里的人被抓了好几个，下一个是不是轮到我了"),
    ("planning_to_run_again", "警察把我送回家了，可我还想再跑出去"),
    ("peers_keep_doing_it_to_me", "宿舍的人又把我的床弄乱了，我晚上偷偷哭"),
    ("treated_as_dirt_by_peers", "同学们一看到我就捏着鼻子走开，说我身上有味"),
    ("carrying_in_the_body", "表哥让我把一包包东西吞进肚子里带过去"),
    ("paying_a_fake_officer", "有个自称警察的人说我涉嫌洗钱，让我扫码交钱"),
    ("on_the_road_alone", "我半夜一个人沿着公路上走，不想回家"),
    ("chained", "我一不听话就被锁上铁链关在屋里"),
    ("going_without_twice", "冬天我只穿一件薄外套，好几天没吃的了"),
    ("going_without_and_no_one_there", "爸妈走了好久没回来，我和弟弟天天喊饿"),
    ("going_without_and_no_one_there", "家里大人都不在，我发烧了也没人带我去看"),
]

# One part missing, or a lesson, a game, a proposal: no family may fire.
FAMILY_NEGATIVES = [
    "妈妈说瘦了才好看，我才不听，照样吃两碗饭",
    "感冒了头好晕，今天请假",
    "寒假不上学，我在姑姑的店里帮忙洗碗挣零花钱",
    "全世界有好多小孩不能上学要去干活，我想在班会上讲",
    "手臂上被蚊子咬了好几个包",
    "美术课我在手臂上画了一只小猫",
    "这个游戏最后一关要跳过很多坑",
    "今天的任务是给奶奶买药",
    "减肥打卡第三天，今天吃了很多蔬菜",
    "捉迷藏的时候我躲进衣柜里，外面好安静",
    "爸爸的老板拖欠工资，他每天加班到半夜",
    "建议学校讲讲网友要照片、要钱的时候不要理他，要告诉家长",
    "我一紧张就咬指甲",
    "我同桌总是扯我的头发",
    "钱包丢了，还好妈妈来接我回家",
    "希望那个噪音快点消失，我们小区就安静了",
    "哥哥打游戏赢了，今天的烦恼都消失了",
    "我十三岁了，想去参观爸爸的工厂",
    "大家都笑了，因为我讲的笑话很好笑",
    "钱不够买文具，不知道怎么办",
    "暑假我想去奶茶店打工，老板说我十四岁太小了",
    "暑假我去外婆家，请同学帮我照顾我的仓鼠",
    "希望小区多建几个宠物寄养点，照顾好大家的猫狗",
    "我十四岁生日那天去酒吧街看灯",
    "妈妈加班，我一个人在家一晚上，看了好久的书",
    "我被篮球打成了熊猫眼，下次要戴护目镜",
    "哥哥打完我的游戏存档就去睡觉了",
    "操场太晒了，我们都很难受，想去树荫下",
    "我跑步撞到墙上了，揉了揉就舒服多了",
    "奶奶做的白米饭最香了，我的旧衣服都捐给山区的小朋友了",
    "我们在美术课上用刻刀刻了一下橡皮章，心里好开心",
    "我们班同学建了个小群，把一个同学踢出去了",
    "我们班拍了毕业照片，老师说要保密到毕业典礼",
    "削铅笔的时候不小心用小刀划到手了",
    "打针的时候护士扎一下就好了，一点都不疼，好舒服",
    "我看到路口有个小孩在敲车窗要钱，好可怜",
    "周末我去路边摊帮妈妈卖水果",
    "妈妈手机没电关机了，家里就剩我和爸爸在看电视",
    "我跑到操场去玩了，手机没电关机了",
    "我想跟妈妈睡一张床",
    "同学们给我起了个外号叫小博士，全班都这么叫我",
    "老师上课讲了电信诈骗的案子，骗子会让学生借银行卡",
    "我被水管喷了一身水，打湿了衣服",
    "我站在阳台上想，明天去哪里玩呢",
    "考试前我紧张得吃不下饭，还好考完就好了",
    "奶奶去捡瓶子换钱，回来给我做了红烧肉",
    "暑假我们一家住在车里自驾游，好好玩",
    "爸爸动手能力很强，帮我修好了自行车",
    "下一个是不是轮到我上台表演了",
    "我爸爸在外地打工，好久没回来了，电话也打不通",
    "暑假我在奶奶家学会了自己做饭，好开心",
    "我看到几个男生把一个同学推倒了，他一直哭",
    "我们小区的大狗都不拴链子，我好怕",
    "周末我和爸爸去公园捡垃圾，装了满满一袋",
    "我的乳牙一直摇，好怕吃饭的时候把它吞进肚子里",
    "垃圾山臭得大家都捏鼻子，我家门口好脏",
    "民警叔叔说有人让你借卡跑分就是骗子",
    "我跑出去玩了一下午，被妈妈找回家了，下次还想再跑出去玩",
]


@pytest.mark.parametrize(("family", "text"), FAMILY_POSITIVES)
def test_each_family_catches_a_new_wording_of_its_harm(family, text):
    hits = family_hits(normalise(text))
    assert family in hits.values(), (hits, concept_view(normalise(text)))
    assert is_urgent(text).urgent


def test_every_family_has_a_positive_test():
    assert {f.name for f in FAMILIES} <= {family for family, _ in FAMILY_POSITIVES}


@pytest.mark.parametrize("text", FAMILY_NEGATIVES)
def test_a_family_needs_all_its_parts_and_no_lesson_or_proposal(text):
    assert family_hits(normalise(text)) == {}


def test_a_proposal_about_the_same_harm_is_not_a_family_hit():
    disclosure = "我躲在衣柜里，外面爸爸妈妈在打架"
    assert family_hits(normalise(disclosure))
    assert not family_hits(normalise("建议社区讲讲：孩子躲在衣柜里，外面爸爸妈妈在打架怎么办"))


def test_concepts_are_the_nets_third_view_in_order():
    assert concept_view(normalise("躲在衣柜里，外面在打架")) == "HIDE FIGHT"


def _blind_misses() -> list[str]:
    """Misses of every blind run whose holdout was then opened for fixes; a holdout kept out of
    this round's changes (``kept_out``) is not fixed from, so its misses are not required."""
    runs = json.loads(BLIND_RUNS.read_text("utf-8"))["runs"]
    return [text for run in runs if not run.get("kept_out") for text in run.get("missed", [])]


def test_every_disclosure_a_blind_run_missed_is_now_caught():
    """Regression: the lines the blind runs missed (read after those runs) stay caught."""
    texts = _blind_misses()
    assert len(texts) >= 20
    missed = [t for t, u in zip(texts, is_urgent_many(texts), strict=True) if not u.urgent]
    assert missed == []


def test_the_shipped_net_is_small_and_holds_its_vocabulary_once():
    """Every web worker loads its export: under 2 MB (a process with the screen loaded holds
    about 45 MB), and the skops file it came from keeps its terms only in vocab.json. The
    batch-15 net, terms of weight 0.10 and more, is 1.06 MB; at 0.15 (3% budget) it fitted in
    0.74 MB but caught 9 fewer test disclosures than at 0.08. The batch-16 net, trained on 330
    more disclosures at the same 0.10, is 1.20 MB; the batch-17 net (batches 17 and 18, holdouts
    16-18 and two more real corpora), 1.30 MB; the batch-19 net at 0.10 was 1.39 MB, at 0.12
    (the same dev recall) 1.21 MB. The batch-62 net (batches 23 to 62, 4,651 disclosures) is 1.95
    MB at 0.12; at 0.15 it is 1.62 MB and catches 11 fewer dev disclosures, so the bound is 2 MB."""
    from classifier.persist import load_pipeline
    from classifier.safeguard_model import SAFEGUARD_DIR, load_safeguard_model

    size = sum((SAFEGUARD_DIR / name).stat().st_size for name in ("linear.json", "linear.npz"))
    assert size < 2_000_000
    net = load_safeguard_model()
    columns = load_pipeline(SAFEGUARD_DIR, net.metadata).named_steps["features"]
    assert all(getattr(v, "vocabulary", None) is None for _, v, _ in columns.transformers)


# Figures of speech and look-alikes the rules read too literally (batch 7 and its hard negatives).
NOT_ALARMS = [
    "救命，这道奥数题我算了一个小时还是不会",
    "救命 明天要交三篇作文我一篇都没写",
    "寒假去爸妈开店的地方，他们忙到半夜都看不到人",
    "骑车上学路上好多车贴着我开，希望画好自行车道",
    "31路车挤到我喘不过气，司机还不开空调",
    "着火时大家要从那里跑的，安全通道能不能打扫一下",
    "我做了三道题就去吃饭了",
    "早死晚死都得死，先去考数学了",
    "作业一布置，全班集体晕倒",
    "他讲的笑话太好笑了，我们笑得喘不过气",
    "派出所的警察叔叔说帮别人跑分是违法的",
    "法官阿姨讲刷流水也是犯罪",
    "这道几何题我一看就晕倒了",
]
# Real children's ordinary words from the real corpora's dev parts that rules read too
# literally until this stop: a car, a wish to work, pocket money for lunch, a class's hunger, a
# Cantonese 焗親 (smothered) and 照逼我去 (made to go to tutoring).
RULES_QUIET_REAL = [
    "谁让我移车谁就是狗 谁碰我的车谁就是猪！🐶🐷",
    "我十五岁暑假想打工赚点零花钱，为什么都不要我",
    "我从小靠助学金读书，每天午饭要自己掏零用钱，物价又涨，希望至少小学生的午餐能免费",
    "午饭撤了以后发的面包全是添加剂 我们饿着肚子下午还要上课",
    "消委會話有啲BB床褥太軟 BB反轉瞓會焗親 我細妹張床褥要檢查下 唔合格嘅唔好賣",
    "我十二歲，同爸媽講咗好多次個補習社冇用淨係俾功課，佢哋都唔理，照逼我去",
]
# Pinyin read clause by clause, 去世 is no 去死, and a game's "da" is no beating: the rules stay
# quiet (the net still reads these; pinyin hard negatives are its weakest style).
# A lap run as a PE punishment is ordinary school life (the net may still read it).
RULES_QUIET_SCHOOL = ["体育老师罚我们跑五圈"]
RULES_QUIET = [
    "lao shi rang wo men da yin shou chao bao, da yin ji mei mo le, wo qu lou xia da",
    "xin wen shuo you ge lao shi shang wang ke, hou lai qu shi le",
    "打游戏又被爆头了，被人追着da，我直接4了哈哈",
]
# Suggestions typed partly in pinyin (the noisy copies of the real corpora's dev parts): a typed
# word's tail read on into the hanzi after it (电梯我 as "dianti我", 发现是 as "faxian是") is no
# 踢我 or 想死, 盒子上 is no 自杀, 去世了 typed "qushi了" is no 去死, and parents not at one's
# side typed "shenbian" are no neglect.
RULES_QUIET_PINYIN = [
    "学校能不能装dianti 我也想去楼上的tushuguan和实验室",
    "游戏gongsi能不能faxian是小孩在充钱就拦一下",
    "有奖wenda我dadui了消费者权益保护法的题",
    "我最驚喺網上俾陌生人搭訕同呃，有冇一個rexian係專俾細路問嘢",
    "我买的水晶泥hezi上除了名字什么都没写，没有成分也没有安全提示",
    "妈妈很早就qushi了，我跟爷爷奶奶住，终于有了自己的书桌",
    "爸妈都不在shenbian，我想要一个能装下所有课本的大书包",
]
# …while what a child types as one pinyin word, or beside the hanzi, still reads as harm.
ALARMS_PINYIN = [
    "babadawo",
    "爸爸又da我",
    "我好xiangsi",
    "他总是ti我",
    "wo xiang zi sha",
    "ta yao qu si",
]
ALARMS = [
    "救命 他又拿皮带打我了",
    "wo xiang qu si",
    "划了27道 哈哈 一点都不疼",
    "又划了三刀，袖子放下来就看不见",
    "网上有个哥哥对我特别好，天天陪我聊天，我想偷偷去见他",
    "有个叔叔一直贴着我走，我好怕",
    "我每天在厂里干到半夜",
    "他掐着我脖子，我喘不过气",
]


@pytest.mark.parametrize("text", NOT_ALARMS)
def test_a_figure_of_speech_or_a_look_alike_is_no_alarm(text):
    assert not is_urgent(text).urgent


@pytest.mark.parametrize("text", RULES_QUIET_REAL)
def test_ordinary_real_words_do_not_trip_a_rule(text):
    assert rule_hits(screen_form(normalise(text))) == {}


@pytest.mark.parametrize("text", RULES_QUIET)
def test_pinyin_clauses_deaths_of_others_and_games_do_not_trip_the_rules(text):
    assert rule_hits(normalise(text)) == {}


@pytest.mark.parametrize("text", RULES_QUIET_PINYIN)
def test_a_suggestion_typed_partly_in_pinyin_does_not_trip_the_rules(text):
    assert rule_hits(screen_form(normalise(text))) == {}


@pytest.mark.parametrize("text", ALARMS_PINYIN)
def test_harm_typed_in_pinyin_still_trips_the_rules(text):
    assert rule_hits(screen_form(normalise(text)))


@pytest.mark.parametrize("text", ALARMS)
def test_the_same_words_said_of_real_harm_still_raise_an_alarm(text):
    assert rule_hits(normalise(text))


# Families of the cross-validation misses (train + dev), in new words, and their near misses.
CV_FAMILY_ALARMS = [
    "心烦就ge一下手腕",
    "划完就好受多了",
    "我穿长袖其实是为了遮手上的伤",
    "活着好累，不如现在就走",
    "周六约好了去那种烧烤",
    "我们三个小孩自己做饭，家里没有大人",
    "我一直在路口卖花卖到凌晨",
    "他们逼我磕头才让我走",
    "我没钱买车票回家了",
    "爸爸把盘子砸向妈妈",
    "这个月一分工资都没拿到",
    "我睡在银行的ATM小屋",
]
CV_FAMILY_NEAR_MISSES = [
    "妈妈在夜市卖到半夜",
    "这周末全家去潜水",
    "我把球砸到墙上了",
    "夏天穿长袖防晒遮住手臂",
    "我们现在就走吧",
]


@pytest.mark.parametrize("text", CV_FAMILY_ALARMS)
def test_a_family_of_the_cross_validation_misses_is_caught_in_new_words(text):
    assert rule_hits(normalise(text))


@pytest.mark.parametrize("text", CV_FAMILY_NEAR_MISSES)
def test_a_near_miss_of_those_families_stays_quiet(text):
    assert rule_hits(normalise(text)) == {}


# Pinyin read back into characters before the rules (classifier/pinyin_reading.py): the
# character rules now read what a child typed in pinyin, not only the pinyin table.
READ_BACK_ALARMS = [
    "wo bu gan hui jia",
    "ma ma shuo ta bu yao wo le",
    "ru guo ni kan dao zhe feng xin, wo yi jing bu zai le",
]


def test_pinyin_is_read_back_into_the_words_a_child_meant():
    from classifier.pinyin_reading import read_back

    read = read_back(normalise("lao shi rang wo men hui jia da yin shou chao bao"))
    assert "让我们回家打印" in read
    assert read_back(normalise("wo de xiao gou")) == "我的小狗"
    assert read_back(normalise("happy ok")).split() == ["开心", "ok"]


def test_a_long_run_typed_without_spaces_is_read_around_a_stray_english_word():
    from classifier.pinyin_reading import read_back

    read = read_back(normalise("wowanshangzaiKTVpeikerenhejiu"))
    assert read.startswith("我晚上在") and "ktv" in read.replace(" ", "")


def test_the_shipped_reading_table_is_built_from_the_tokenizer():
    from classifier import pinyin_reading

    shipped = pinyin_reading.CHARS_TABLE.read_text("utf-8").splitlines()
    assert pinyin_reading.build() == shipped, "rebuild: python -m classifier.pinyin_reading"


@pytest.mark.parametrize("text", READ_BACK_ALARMS)
def test_a_disclosure_typed_in_pinyin_is_caught_by_the_character_rules(text):
    assert rule_hits(normalise(text))


def test_shei_is_read_as_a_syllable():
    from classifier.pinyin import split_syllables

    assert split_syllables("sheidoubuxin") == ["shei", "dou", "bu", "xin"]


# Figures of speech and ordinary scenes the rules read as harm before (corpora E-G, dev):
# each stays silent, while the harm it resembles is still caught.
RULE_FIGURES = [
    "考了第一名，妈妈摸摸我的头说别骄傲",
    "每次考砸了我都一个人难过",
    "我最宝贝的是日记本，里面都是我的秘密",
    "我妈被困在手机里了，叫她都不理我",
    "路边有一只冻得发抖的小猫，我把它抱回家了",
    "今天学校停电了，老师带我们去操场上课",
    "我假装自己是一条斑马线，小汽车从我身上开过去",
]
RULE_FIGURE_ALARMS = [
    "那个叔叔摸我，还摸我的头",
    "爸爸拿酒瓶砸了我",
    "他说这是我们之间的秘密，不许告诉妈妈",
    "我被困在电梯里了",
    "下雪了我只穿一件单衣，冻得发抖",
    "家里停电了，爸妈好几天都不在",
]


@pytest.mark.parametrize("text", RULE_FIGURES)
def test_a_figure_of_speech_or_an_ordinary_scene_raises_no_rule(text):
    assert rule_hits(normalise(text)) == {}


@pytest.mark.parametrize("text", RULE_FIGURE_ALARMS)
def test_the_harm_those_figures_resemble_is_still_caught(text):
    assert rule_hits(normalise(text))


# Ordinary words the rules read as harm in the real corpora's train and dev parts until this
# stop: a blood-lead test, a net that gives way, a pet waiting at its cage door, the moon that
# "follows me", a secret box, bullying of "us" in a lesson, being known to be poor, a snack not
# allowed, a dog's lick, a joke about setting a fart alight, "臭死了 大家…", a doorman who waits
# for "us".
RULES_QUIET_EVERYDAY = [
    "体检查出血糖有点高，医生让我少吃糖",
    "球门后面的网子撑不住了，一踢就破",
    "我家小狗每天都在笼子门口等我放学",
    "月亮为什么一直跟着我走呀",
    "我想在教室放一个秘密信箱，大家可以写悄悄话",
    "老师说不能欺负我们班新来的同学",
    "我不想让同学知道我家很穷",
    "妈妈说我咳嗽，不给我吃雪糕",
    "小猫舔了舔我的手指头，好痒",
    "用放大镜晒太阳真的能把纸点着火吗",
    "厕所好久没人打扫，臭死了大家都不想去",
    "保安叔叔每天在校门口等我们，帮我们过马路",
]
RULES_EVERYDAY_ALARMS = [
    "他说这是我们之间的秘密，不许告诉妈妈",
    "那几个人天天欺负我，把我的书扔进垃圾桶",
    "他们知道我家在哪，说放学在路上等着我",
    "后妈不给我吃饭，只给弟弟吃",
    "我累了，撑不下去了",
    "我在家里闻到好大的烟，是不是着火了",
]


@pytest.mark.parametrize("text", RULES_QUIET_EVERYDAY)
def test_an_everyday_scene_that_sounds_like_harm_raises_no_rule(text):
    assert rule_hits(screen_form(normalise(text))) == {}


@pytest.mark.parametrize("text", RULES_EVERYDAY_ALARMS)
def test_the_harm_those_everyday_scenes_sound_like_is_still_caught(text):
    assert rule_hits(screen_form(normalise(text)))


# Complaints about a street, and a look at one's things, told with the words of fear.
STREET_AND_THINGS = [
    "楼下的路灯坏了一个月，晚上黑乎乎的，我都不敢出门",
    "路面结冰了，小区的老人都不敢出门",
    "新同学一直盯着我的文具看，原来他也想要一支",
]
STREET_AND_THINGS_ALARMS = [
    "爸爸喝醉了在客厅，我不敢出门",
    "那个叔叔在楼下一直盯着我",
]


@pytest.mark.parametrize("text", STREET_AND_THINGS)
def test_a_complaint_about_the_street_or_a_look_at_my_things_raises_no_rule(text):
    assert rule_hits(normalise(text)) == {}


@pytest.mark.parametrize("text", STREET_AND_THINGS_ALARMS)
def test_fear_of_going_out_and_being_watched_are_still_caught(text):
    assert rule_hits(normalise(text))


# A named play or a video game makes "被人追着打" part of the game; bullying called a game
# (又在玩, 天天) and hitting told plainly are still caught.
PLAY_TEXTS = [
    "课间玩老鹰捉小鸡，我被人追着打，笑死",
    "周末打水枪大战，我被人追着打，衣服全湿了",
]
PLAY_ALARMS = [
    "男生们又在玩整我的游戏，水枪对着我的脸，我被他们打哭了",
    "我和弟弟假装玩捉迷藏，其实是躲在衣柜里，爸爸在外面打妈妈",
]


@pytest.mark.parametrize("text", PLAY_TEXTS)
def test_being_chased_in_a_named_play_raises_no_rule(text):
    assert rule_hits(normalise(text)) == {}


@pytest.mark.parametrize("text", PLAY_ALARMS)
def test_bullying_called_a_game_and_hiding_from_a_fight_are_still_caught(text):
    assert rule_hits(normalise(text))


# A child living on their own for months or years is neglect; an old person living alone, or a
# night or two away from home, is not.
LIVING_ALONE_ALARMS = [
    "我已经一个人过了两年，饭都是自己煮",
    "一个人住三个月了哈哈 钥匙挂在脖子上",
    "wo yi ge ren zhu le ban nian le",
]
LIVING_ALONE_SCENES = [
    "奶奶一个人住了十年，我周末去陪她",
    "暑假我一个人住了两天酒店，参加夏令营",
]


@pytest.mark.parametrize("text", LIVING_ALONE_ALARMS)
def test_a_child_living_alone_for_months_or_years_is_caught_by_the_rules(text):
    assert "neglect" in rule_hits(normalise(text))


@pytest.mark.parametrize("text", LIVING_ALONE_SCENES)
def test_an_old_person_living_alone_or_a_night_away_raises_no_neglect_rule(text):
    assert "neglect" not in rule_hits(normalise(text))


# Batch 10's dev disclosures the rules of this round were written for (farewells, 走 as dying,
# a child hiding from the police, insults on a desk): each must stay a rule hit, not a net score.
BATCH10_RULE_ALARMS = [
    "都别再联系我了，过段时间我就要离开这个世界了，走之前想跟世界说声再见",
    "我在列哪种走法最体面，想来想去还是水里",
    "其实我本来不想走的，可是好像有人心疼我了，马上就能去找他，我好开心",
    "别报警，报警我就跑",
    "厌学出逃第一天 哈哈 火车上站了十几个小时 旁边的表叔我根本不认识",
    "同学在我座位上画满了骂我的话，说我长得像怪物，课间故意都躲开我",
]


@pytest.mark.parametrize("text", BATCH10_RULE_ALARMS)
def test_batch_ten_farewells_and_hiding_are_caught_by_the_rules(text):
    assert rule_hits(normalise(text))


@pytest.mark.parametrize("text", RULES_QUIET_SCHOOL)
def test_a_pe_punishment_does_not_trip_a_rule(text):
    assert rule_hits(screen_form(normalise(text))) == {}


# Rules written from the batch-15 net's dev gaps: a new wording each must catch (True), and
# look-alikes they must leave alone (False). Read through the rules themselves, so the net's own
# score cannot hide a rule gone missing.
BATCH15_RULE_CASES = [
    ("是不是只有我死了你们才满意", True),
    ("我真的不知道还有谁能救我了", True),
    ("我想毁掉所有东西 连同我自己", True),
    ("爸爸妈妈又吵起来了，还砸东西，我躲在被子里", True),
    ("游戏里只有我死了三次，队友都活着", False),
    ("爸妈又吵着要带我去旅游，我说东西都收拾好了", False),
]


# The batch-62 net flags one of these look-alikes (0.59 against its threshold of 0.575): bags
# packed after "吵着要" read like a flight from home. It came with a tenth fewer dev hard negatives
# flagged and 66 more test disclosures caught (training/safeguard_train.py); the rules stay quiet.
NET_ALARMS_SINCE_BATCH62 = {"爸妈又吵着要带我去旅游，我说东西都收拾好了"}


@pytest.mark.parametrize(("text", "caught"), BATCH15_RULE_CASES)
def test_a_batch15_rule_catches_its_gap_in_new_words_and_no_look_alike(text, caught):
    assert bool(rule_hits(screen_form(normalise(text)))) == caught
    if text not in NET_ALARMS_SINCE_BATCH62:
        assert is_urgent(text).urgent == caught


# Rules written from the batch-16 net's dev gaps, in new words (True), and look-alikes (False).
BATCH16_RULE_CASES = [
    ("每次站在天台边上我就想往下跳", True),
    ("我从小就被后妈打到大，身上没一块好地方", True),
    ("吵架的时候我爸拿起菜刀朝我妈砍过去", True),
    ("放学以后我上了一辆陌生叔叔的车，现在不知道在哪", True),
    ("我宁愿睡在网吧也不想回家", True),
    ("游戏里认识的哥哥说明天放学在门口等我，带我去玩", True),
    ("我被骗了，已经转了三千块给那个人", True),
    ("我站在阳台上想跳绳，地方太小了", False),
    ("我宁愿睡觉也不回去上补习班", False),
    ("爸爸拿起剪刀往纸上剪了个窗花", False),
    ("奶奶上了陌生人的车被骗了，我们报了警", False),
]


# Rules written from the batch-17 net's dev gaps, in new words (True), and look-alikes (False).
BATCH17_RULE_CASES = [
    ("昨天晚上我妈又被后爸打了，我躲在被子里不敢出声", True),
    ("他喝了酒就朝我妈砸碗，碗片飞得到处都是", True),
    ("继父把我妈按在墙上掐她脖子", True),
    ("我爸说要杀了我妈，还说谁也跑不掉", True),
    ("被全班笑话了，我真的没脸再活下去", True),
    ("我要去一个没有痛苦的世界了，大家拜拜", True),
    ("高年级的人把纸团塞进我的耳朵，还不让我拿出来", True),
    ("网上的叔叔天天发我爱你给我，还说要来看我", True),
    ("爸妈都出去打工了，我自己一个人住", True),
    ("舅舅做的事我一直不敢告诉别人，想起来就难受", True),
    ("我拿妈妈手机转了好几次，卡里两万多都没了，那个人说是抽奖", True),
    ("下棋的时候我妈被我打败了，她说下次再来", False),
    ("爸爸朝妈妈扔了个枕头，我们三个打起了枕头大战", False),
    ("医生把棉签塞进我鼻子里做检测", False),
    ("暑假我要去一个没有作业的世界玩，再见啦同学们", False),
    ("妈妈给老师发了一个我爱你的表情包", False),
    ("我自己一个人住一个房间，不用跟弟弟挤", False),
    ("叔叔做的蛋糕太好吃了，我都不敢说我吃了三块", False),
    ("爸爸说卡里的钱没了，是因为交了房租", False),
]


# Rules written from the batch-19 net's dev gaps, in new words (True), and look-alikes (False).
BATCH19_RULE_CASES = [
    ("我用手表帮人刷单，绑的是我爸的卡，一下子转出去三千多", True),
    ("游戏群里有个阿姨说能带我去试镜，叫我把学校和几张照片发给她", True),
    ("我们家没床，冬天我和妹妹就睡在地上", True),
    ("民警来学校讲了刷单诈骗，我们都记住了不能上当", False),
    ("我在微信上看明星的照片，好帅", False),
    ("天太热了，我铺了凉席睡地板", False),
]


# Rules written from the batch-20 net's dev gaps, in new words (True), and look-alikes (False).
BATCH20_RULE_CASES = [
    ("我穿高领毛衣挡住脖子上的印子，不想让老师看到", True),
    ("爸爸欠了好多钱，我们现在没地方住了", True),
    ("考砸了，活着真没意义", True),
    ("摔了一跤，我用创可贴盖住伤口就去上课了", False),
    ("去旅游的时候我们没地方住，酒店都满了", False),
]


# Rules written from the batch-21 net's dev gaps, in new words (True), and look-alikes (False).
BATCH21_RULE_CASES = [
    ("补习班老师偷偷给我发了一封表白信，说等我毕业", True),
    ("爸爸喝醉了跟妈妈打架，一拳挥过来打中了我的鼻子", True),
    ("老师对我说喜欢我的画，让我多画几张", False),
    ("我跟同桌表白了哈哈，她说考虑一下", False),
    ("打篮球的时候球打到我的头了", False),
]

BATCH22_RULE_CASES = [
    ("妈妈老是给我吃过期的面包，她自己吃新鲜的", True),
    ("奶奶被我们喝发霉的豆浆，说不能浪费", True),
    ("食堂给我们吃过期的酸奶，希望有人管一管", False),
    ("妈妈说过期的东西不能给我吃", False),
    ("爸爸在戒毒所，妈妈也不要我了，家里好脏好臭", True),
    ("我爸爸在监狱工作，他是警察", False),
    ("我给在监狱里的爸爸写了一封信，说我很想他", False),
    ("妈妈开直播让我对着镜头哭，求大家打赏", True),
    ("爸爸天天逼我开直播唱歌要礼物，不唱不给吃饭", True),
    ("我看直播的时候主播叫大家刷礼物", False),
    ("爸爸直播卖水果，我在旁边帮忙喊欢迎家人们", False),
    ("老师狠狠地揪我耳朵，到现在还在疼", True),
    ("妈妈使劲拧我的胳膊，现在还紫着", True),
    ("妈妈用力抓住我的手过马路", False),
    ("弟弟用力捏我的脸，好痛哈哈", False),
    ("爸爸不让我上学了，说我每天在家带妹妹就行", True),
    ("bu rang wo qu shang xue le, tian tian zai jia dai di di", True),
    ("今天下雪不能上学，只能在家看书", False),
    ("周末不用上学，要在家带弟弟玩", False),
    ("厨房着火了，门打不开", True),
    ("他说不给钱就把照片发给全班同学", True),
    ("饭盒上写着火腿，可是里面一片火腿都没有", False),
    ("我们做了安全小册子发给同学和家长", False),
    ("爸妈在外地打工，我一个人跟妹妹住在山上", True),
    ("爸妈出差了，我一个人带弟弟去公园玩", False),
    # Rule false alarms found on the real corpora's train parts.
    ("我想要大家领养不要买 还要帮它们结扎", False),
    ("心情不好就打青少年热线 跟老师聊聊", False),
    ("斑马线也常常被停的车挡住 司机看不到我", False),
    ("他拿皮带抽我", True),
    ("我被打青了", True),
]
BATCH23_RULE_CASES = [
    ("半夜舅舅摸进我房间，我只能装睡，一动都不敢动，全身发抖", True),
    ("熄灯以后教练会走到我床边，我吓得不敢出声", True),
    ("晚上妈妈进房间帮我盖被子，好温暖", False),
    ("半夜听到老鼠跑到床边，我吓坏了", False),
    ("半夜打雷，我躲进被子里不敢动", False),
    ("我的水杯里又被倒了胶水，是他们干的", True),
    ("同学偷偷往我饭盒里吐口水", True),
    ("我的水杯有奇怪的味道，该洗一洗了", False),
    ("爸爸长期生病在床，家里的活都是我一个人干", True),
    ("妈妈今天生病了，晚饭是我做的，我很厉害吧", False),
    ("生病了也只能自己躺着，没人可以叫", True),
    ("生病了只能在家躺着，好无聊，妈妈下班就回来", False),
]
BATCH24_RULE_CASES = [
    ("网友一直叫我发不穿衣服的相片给他", True),
    ("小时候不穿衣服的照片被妈妈发到家庭群了哈哈", True),
    ("放学在巷子里被几个初中生围着打，书包也被抢了", True),
    ("我们围着打雪仗，好好玩", False),
    ("妈妈走了以后，家里就靠我了，弟弟妹妹要我做饭", True),
    ("爷爷奶奶年纪大了，一家人都靠我爸爸挣钱", False),
    ("我每天照顾住院的奶奶，洗衣服做饭都是我一个人做", True),
    ("妈妈病了好久，天天都是我煮饭", True),
    ("这次大扫除全班都靠我，累死了", False),
    ("这个月楼梯间就是我的床，妈妈不让我进门", True),
    ("晚上只能睡在桥洞里，好冷", True),
    ("楼道是我们的秘密基地，我们在里面玩捉迷藏", False),
    ("昨晚在网吧睡的，不敢回去", True),
    ("我跑出来三天了，爸妈满城找我", True),
    ("妈妈满小区找我的猫，最后在车底下找到了", False),
    ("篮球赛我们班被打得落花流水", False),
    ("我被他们打得好疼", True),
]
# From a train gap of the retired holdout 28: a child sent to work instead of school.
BATCH26_RULE_CASES = [
    ("家里叫我去广东打工，说以后不用上学了", True),
    ("爸妈要我们去厂里打工，不准再回学校", True),
    ("妈妈让我暑假去奶茶店打工赚零花钱，开学再回学校", False),
    ("放假了不用去学校了哈哈", False),
]
# From batch 27's dev gaps: gifts begged for in a parent's livestream, left at home with no
# adult (told after a comma, as Cantonese 冇大人 reads), nowhere to sleep tonight.
BATCH27_RULE_CASES = [
    ("爸爸天天开直播，叫我对着镜头喊大家给我们要红包", True),
    ("过年拜年的时候奶奶叫我去要红包", False),
    ("爸妈去外地了，我们两个在家，没有大人", True),
    ("小弟弟一个人在河边玩，没有大人", False),
    ("没地方去了，今晚睡哪", True),
    ("露营好开心，今晚睡哪个帐篷呀", False),
]
# From batch 28's dev gaps: a girl promised in marriage at school age, a parent who keeps the
# child locked in, a fight at home shut out with headphones, home as the frightening place.
BATCH28_RULE_CASES = [
    ("我才十四岁，家里就给我定亲了", True),
    ("爸妈要我读完初中就回老家结婚", True),
    ("姐姐大学毕业就订婚了，我要当伴娘", False),
    ("妈妈说锁着我是怕我乱跑，我天天看着窗外", True),
    ("门锁着，我进不去，只好在楼下等妈妈", False),
    ("晚上他们又在吵架，我把耳机戴上假装听不见", True),
    ("楼下装修砰砰响，我戴上耳机写作业", False),
    ("说出来你别笑，我家晚上最可怕", True),
    ("我家楼下的大狗好吓人，每次都冲我叫", False),
]
# From batch 29's dev gaps: a young carer who bathes and cooks for a parent; a fear of falling is
# no fall.
BATCH29_RULE_CASES = [
    ("我每天早上给妈妈洗澡做饭，然后才去上学", True),
    ("周末帮妈妈给小狗洗澡，好好玩", False),
    ("小时候奶奶老不让我去河边，怕我掉下去", False),
    ("我怕掉下去，不敢爬那么高的攀登架", False),
    ("弟弟掉进河里了，快来人", True),
]
# From the dev gaps of the retired holdout 29: a child no one washes, school as the only place to
# hide from the fights at home.
HOLDOUT29_RULE_CASES = [
    ("同学说我臭，可家里没人给我洗衣服", True),
    ("今天没人给我梳头，我自己扎的辫子哈哈", False),
    ("只有学校是我能躲的地方", True),
    ("爸妈一吵架我就躲回房间，不敢出来", True),
    ("下雨了我们躲进学校的走廊", False),
]
# From the gaps of the retired holdout 30 (train part): bullying told by how long it has gone on,
# an empty fridge told in Cantonese.
HOLDOUT30_RULE_CASES = [
    ("我在班上被欺负好几年了，换了座位也没用", True),
    ("被欺负很久了，不想说了", True),
    ("我们队被打好几年都没赢过哈哈", False),
    ("雪柜乜都冇，细佬喊肚饿", True),
    ("冰箱什么都没有了，妈妈晚上下班顺路去买菜", False),
]
# From the dev gaps of batches 30 and 31: a family living in a car or at a bus stop, a farewell
# letter, deep marks scratched as a habit, scars hidden; and three dev false alarms.
BATCH30_RULE_CASES = [
    ("这个星期每晚还是睡车里，腿都伸不直", True),
    ("今晚睡车里看星星，露营好开心", False),
    ("天桥下面有个姐姐和她弟弟在那住了好几个月", True),
    ("信都写好了，明天之后就再也不会烦你们了", True),
    ("我把信写好了，明天寄给笔友", False),
    ("我老是在胳膊上掐出一道一道的红印", True),
    ("蚊子咬的包我老是在腿上抓，抓得好红", False),
    ("我把疤都藏起来了，长袖一直不脱", True),
    ("手术的疤很难看，夏天我想把它藏起来", False),
    ("河边栏杆坏了，可以先拉根绳子挂个牌子提醒大家", False),
    ("炒菜的时候油溅到手上，烫死我了哈哈", False),
    ("偷偷出去玩被发现，罚我禁足一个星期", False),
    # From batch 30's train gaps: school left, or work begun at seven, to earn.
    ("我五年级就不读了，天天在路口卖花挣钱给弟弟交学费", True),
    ("8岁就去亲戚家当小保姆，一天干到晚", True),
    ("暑假我在奶奶的水果摊帮忙卖水果，挣了五十块零花钱", False),
    ("我7岁就开始学钢琴了", False),
    ("表哥初中毕业就不读了，去打工挣钱", False),
]
# From batch 33's gaps: bystanders who look away, giving in to stay safe, a child whose leaving
# would relieve the class, the mother's boyfriend as the thing most feared, a mother pulled by
# the hair, sent to study and set to work; and two false alarms.
BATCH33_RULE_CASES = [
    ("好几个人一起欺负那个新来的，老师都装没看见", True),
    ("为了不被欺负，我每天把零花钱给他们", True),
    ("我走了他们大概都会松一口气吧", True),
    ("我走了以后妈妈说她松了一口气，因为我终于学会自己坐车了", False),
    ("我最怕的就是晚上妈妈的男朋友喝酒回来", True),
    ("昨晚我爸揪我妈头发，我吓得躲进柜子", True),
    ("说好来城里读书的，结果天天在店里洗碗", True),
    ("说好去上学的，结果下大雨学校停课了", False),
    ("wo ba ba chao jia le, xian shi jiu hao le", False),
    ("wo xiang si", True),
    ("放学了我爸在门口等我，我们去吃面", False),
    ("有个陌生人在门口等我，我不敢出去", True),
]
# From batch 34's gaps: pills and a goodbye in emoji, meals brought up on purpose, a sign drawn
# for months that nobody read, a secret and a bed in emoji; a moment's embarrassment.
BATCH34_RULE_CASES = [
    ("💊💊💊 大家再见啦", True),
    ("感冒药吃完了，大家晚安", False),
    ("每次吃完饭我就去厕所吐掉，这样就不会胖", True),
    ("昨天吃坏肚子吐了一晚上", False),
    ("我在课本上写了两个月了 一个人都没看懂", True),
    ("🤫 不许说 🛏️ 每次都这样", True),
    ("上课说错话好尴尬，想原地消失五分钟", False),
    ("我想消失，谁也别找我", True),
    ("那个药吃多少会死啊 问问而已", True),
    ("这个药一次吃几片啊 医生没说清楚", False),
    ("划多了就不疼了 别管我", True),
]
# From batch 35's gaps: alone while a parent stays out all night (in Cantonese), beaten until
# the child cannot sit, a poll on whether to live or die.
BATCH35_RULE_CASES = [
    ("又係我一個人睇屋，爸爸成晚都唔返", True),
    ("爸爸今晚加班，晚一点回来，我一个人先吃饭", False),
    ("屁股被打肿了，坐都坐不下", True),
    ("打疫苗手臂肿了", False),
    ("花瓶碎了，我脑补她会把我屁股打开花，哈哈", False),
    ("在IG开投票问大家我要D还是L", True),
    ("衣服要M还是L码啊", False),
]
# From the dev gaps of the retired holdout 31: a drawing in the child's own blood, a stomach ache
# on the days the mother's boyfriend comes, paying a seller again and again, a young carer in a
# home with roaches everywhere.
HOLDOUT31_RULE_CASES = [
    ("画上的红色不是颜料 是我自己的血", True),
    ("这幅画的红色不是颜料，是用口红画的", False),
    ("每次妈妈男朋友来的那几天我肚子就好痛", True),
    ("我一直付 付了十几笔 妈妈还不知道", True),
    ("我们班一共交了十几笔班费", False),
    ("五个弟弟妹妹要我照顾 厨房里蟑螂到处跑", True),
    ("爸爸把铁勺放火上烤热了按在我手上", True),
    ("我在班上的外号是死胖子，天天有人喊", True),
    ("我的校服被人剪破了", True),
    ("游戏里认识的哥哥说他也是小学生，要我出来见面", True),
]
# From the train and dev gaps of the retired holdout 32: a child's age, job and hours as bare
# numbers, an adult at the bed at nap time, a hand under the quilt at night, a mother's wound
# that is the father's doing, a veiled warning obeyed, a child shut in after a case with no
# apology; and floods "somewhere" in the news are no danger here.
HOLDOUT32_RULE_CASES = [
    ("11岁 搬砖 10个小时 一天30块", True),
    ("我12岁，每天练琴2小时", False),
    ("睡午觉的时候叔叔会坐到我床边", True),
    ("睡午觉的时候妈妈会坐到我床边讲故事", False),
    ("晚上睡着了被窝里有只手", True),
    ("妈妈脸上青一块，是爸爸推的", True),
    ("妈妈手上缠着纱布，是切菜切的", False),
    ("他说你小心点 我只能点头", True),
    ("他们一直不道歉，我现在天天都不敢出家门", True),
    ("新闻说南方好多地方发大水", False),
]
# From batch 42's train and dev gaps: a pencil pushed into the child, the toilet only when no
# one is there, a hurt child told it was only play, one pack of noodles for two, hunger that
# sends children to the bins or spins the head in class, a baby left to a small child, a parent
# who hangs up; and a cut from cooking, a medical diet and a friend's joke stay quiet.
BATCH42_RULE_CASES = [
    ("同桌把圆规扎进我手背，还笑", True),
    ("我现在上厕所都得等到没人才敢去", True),
    ("我胳膊上的伤到现在还疼，老师说男孩子闹着玩而已", True),
    ("一碗泡面我们三个人分着吃", True),
    ("我和弟弟饿得去翻垃圾箱找吃的", True),
    ("上到第三节饿得发抖，早饭又没有", True),
    ("妈妈出门打工，把刚出生的妹妹丢给我", True),
    ("打给我妈她就挂断，打了几十次", True),
    ("医生说三天不准吃肉，第三天饿得头昏眼花", False),
    ("我跟同桌一起泡了一碗泡面两个人吃，真香", False),
    ("老师说我们就是闹着玩，让我们握手和好", False),
]
# From the train and dev gaps of batches 40, 41 and 43: "bad things" a relative did, "done that
# way", a "game" that waits for the mother to leave, a touch at nap time, fear that goes back to
# kindergarten, a man who comes again, a name called again and again, someone "about our age"
# who sends vile messages, men adding a child in a game, cold with no one caring, a coat for the
# sister only, clothes from the bin, a run from foster care, blades in a school bag, 竹笋炒肉 eaten
# again, a bruise an adult at home "did", blows landing on face and head; and their look-alikes.
BATCH40_RULE_CASES = [
    ("那个对我做过不好的事的表哥过年又要来", True),
    ("小时候被舅舅那样过，我一直不敢说", True),
    ("他说是我们的游戏，趁奶奶睡着了就进来", True),
    ("半夜他过来摸我，我不敢出声", True),
    ("奶奶半夜过来摸我的额头看我发不发烧", False),
    ("我每天哭着不想去幼儿园，一关灯就害怕", True),
    ("那个叔叔又来了，我躲在房间里不敢出去", True),
    ("班上那几个男生天天叫我肥猪", True),
    ("网上有人说他跟我们差不多大，后来一直要我的照片", True),
    ("好多陌生人在游戏里加我好友，说想见面", True),
    ("我发烧了，病了也没人管", True),
    ("弟弟有棉衣，我没有", True),
    ("我的衣服鞋子全是捡来的", True),
    ("我从救助站跑出来了", True),
    ("我枕头底下藏着刀片", True),
    ("文具店卖里面藏着小刀的圆珠笔，太危险了", False),
    ("昨天又吃了竹笋炒肉，屁股好疼", True),
    ("妈妈说再不写作业就等着吃竹笋炒肉吧", False),
    ("胳膊上这块紫的是继父掐的", True),
    ("他把书往我头上脸上砸", True),
    ("妈妈以为杯子是我打破的，后来知道是弟弟", False),
    ("第一次拿菜刀切菜，切得可整齐了", False),
    ("我和爸爸的秘密行动：给妈妈准备生日蛋糕", False),
    ("跑完步嗓子像着火一样", False),
]
# From the train and dev gaps of batches 44 and 45: the warning signs of suicide told without a
# word of death, the father's temper at dinner, shielding the mother, hiding in a wardrobe at a
# crash, out there better than home, "that kind" of picture sent first, nowhere to sleep
# tonight, the day's first meal; and a lesson on lures, a knife held badly and a youth centre.
BATCH44_RULE_CASES = [
    ("要是没了我，爸妈肯定会过得更好", True),
    ("我的漫画书都分给同学了，以后也用不着", True),
    ("出门前看了小狗好久，像最后一次", True),
    ("以后再也不会再给家里添麻烦了", True),
    ("我的葬礼上要放什么歌我都想好了", True),
    ("放学跟同桌一个一个说了拜拜", True),
    ("不知道今晚爸爸冲谁发脾气", True),
    ("在家得护着妹妹，怕她也挨", True),
    ("楼下砰的一声，我们挤进衣柜里发抖", True),
    ("睡在车站也比回家强", True),
    ("有个人先发了那种照片给我", True),
    ("今晚没地方睡了，只能睡在公园", True),
    ("这是我今天的第一顿，下午四点", True),
    ("老师教防拐，看谁会不会跟他走", False),
    ("切菜的时候不敢按住，我妈说要按稳", False),
    ("我们晚上没地方去玩，想要一个青少年活动中心", False),
    ("毕业了，课本送给学弟，反正我也用得上新的", False),
]
# From the train and dev gaps of batches 46 to 49: food left once a week, no money for a sick
# sister, nights in a fast-food shop, a baby carried to class, a child who smells every day, a
# parent collapsed, bills no one deals with, a vote for "bad pupils", a rumour passed round,
# pupils called dirt, smiling for gifts on camera, a persona that sells, fields in term time, a
# bag carried to another city, messages growing stranger, a scarred scalp, a cane's stripes and
# a hurt wrist in English, cuts deeper each time, a move the father must not learn of; and a
# cleaner's cart, a fair class vote and a persona in a school play stay quiet.
BATCH46_RULE_CASES = [
    ("爸爸一周回来给一次吃的，平时就我们俩", True),
    ("弟弟发烧好几天了，家里没钱看医生", True),
    ("放假我晚上睡在网吧", True),
    ("每天背着妹妹去上学", True),
    ("我每天都臭臭的去上学，没人帮我洗", True),
    ("爸爸喝多了躺在地上叫不醒", True),
    ("学费单发下来好久了，都没人管", True),
    ("老师让大家投票选三个坏学生", True),
    ("全年级都在传我那个谣言", True),
    ("老师说我们是老鼠屎", True),
    ("有人刷礼物我就得一直唱", True),
    ("开学了我还在厂里", True),
    ("有个哥哥让我把一个箱子带到别的城市", True),
    ("那个网友发的话越来越恶心", True),
    ("我头皮上全是疤", True),
    ("my leg got lines after uncle rotan me", True),
    ("i keep hurting my wrist", True),
    ("这次割得一次比一次深", True),
    ("千万别让爸爸知道我们搬到哪了", True),
    ("我们给环卫工人设计了分类手推车", False),
    ("班会课投票选最佳小组，我们组被选上了", False),
    ("话剧里我的人设是一个卖花的小姑娘", False),
]
# From the train and dev gaps of batches 50 to 52: harm typed in English and Malay as children
# in Singapore, Malaysia and Hong Kong write it (a hanger and a belt, "do things to me", naughty
# pics, "dont tell ur mum", nobody to wake or feed the children, a night in the shelter, "sh
# again", lines on the wrist, treated like a maid, a father who hurts the mother), and in
# characters: rubbish in the bag, kept back alone by a coach, a hand between the legs in the
# pool, a teacher's own pictures, a camera asked for, no adult and the child in charge, lice,
# a nappy no one changes, a teacher who calls the class fools, a partner who cries on drawing
# the child, things borrowed for good, a nickname the class takes up; and English and Chinese
# look-alikes stay quiet.
BATCH50_RULE_CASES = [
    ("my stepdad take belt and hit us when drunk", True),
    ("uncle always come my room at night and do things to me", True),
    ("he ask me send naughty pics, dont tell ur mum ok", True),
    ("mummy not around, nobody feed us, food also not enough", True),
    ("now me and mama stay at the shelter", True),
    ("sh again yesterday, lines on my arm", True),
    ("seniors treat me like their slave", True),
    ("papa hurt mummy again last night", True),
    ("同学把垃圾塞进我书包", True),
    ("教练又点名让我单独留下", True),
    ("老师给我发他自己的那种照片", True),
    ("家里没大人，弟弟妹妹都我来管", True),
    ("头发里虱子多到晚上睡不着", True),
    ("妹妹的尿布湿了没人换", True),
    ("班主任说我们是蠢猪", True),
    ("抽签抽到我的那个同学直接哭了", True),
    ("他借了我的书一直不还，我也不敢要", True),
    ("他给我取外号，全班都跟着喊", True),
    ("he killed me in roblox lol, so unfair", False),
    ("coach kick me out of the team cos i late, fair la", False),
    ("we volunteer at the animal shelter every saturday", False),
    ("my mum will murder me if she see my results", False),
    ("新闻说有个妹妹只穿尿布走在马路上，好险", False),
    ("网上有个链接要开摄像头，我没点", False),
    ("我借了同桌的尺子，第二天就还了", False),
]
# From the train and dev gaps of the retired holdout 33: a kicking "with the foot", spit on the
# head, cigarette burn scars, "the bullied one is me", food from the bin, not allowed home before
# six, often nothing to eat, things given only for sleeping beside him, hands on the chest, what
# adults do to children (Cantonese), things thrown at a parent, an online "friend" who comes
# back after a report, a night in a park; and a tree kicked, a fish grilled, a park picnic.
HOLDOUT33_RULE_CASES = [
    ("那个老师把我拉到走廊用拳头打", True),
    ("他们往我脸上吐痰", True),
    ("胳膊上还有烟头烫的印子", True),
    ("老师说我们是互相打闹，可被欺负的是我啊", True),
    ("饿了只能翻垃圾桶里别人扔的", True),
    ("晚上九点前我不能回家", True),
    ("家里经常没什么东西可以吃", True),
    ("继父说要跟他睡在一起才给零花钱", True),
    ("那个叔叔摸我胸口", True),
    ("我把玩具砸向爸爸，因为他又打妈妈", True),
    ("拉黑了他，他又换个号来找我", True),
    ("离家出走那天在车站睡了一晚", True),
    ("有同学用脚踢桂花树，花都掉了", False),
    ("周末全家在公园野餐，玩到天黑才回家", False),
]
# From the train and dev gaps of the retired holdout 34: long sleeves worn all summer, a
# clothes hanger that hurts, a judge who keeps the father away, packets swallowed and carried for
# pay, calm with no pain after "doing it", hands washed twenty times a day since "that time", a
# home built to flee the bad guy "you know who"; and sun sleeves, a hanger on the rack, a father's
# visiting day, chewing gum swallowed, homework done, a cold, a film's villain.
HOLDOUT34_RULE_CASES = [
    ("整个夏天我都穿着长袖，不想让人看见手", True),
    ("my mum hit me with the hanger again", True),
    ("法院说继父不准靠近我", True),
    ("有人说把几颗胶囊吞进肚子里带过去就给钱", True),
    ("带一趟就给五千块，路费他们出", True),
    ("划完之后很平静，弄完就轻松了，一点都感觉不到疼", True),
    ("我一天洗好多次澡，自从那次去了他家", True),
    ("我在沙发后面搭了个家，坏人是谁你知道的", True),
    ("整个夏天都穿长袖防晒", False),
    ("the hanger fell off the rack", False),
    ("法官说爸爸可以每周来看我", False),
    ("吞进肚子里的口香糖会怎样", False),
    ("帮奶奶带一趟菜回家", False),
    ("作业弄完就轻松了，手也不觉得酸", False),
    ("我每天洗手，因为那次感冒了", False),
    ("电影里的坏人是谁你知道吗", False),
]
# From the train and dev gaps of batches 56 to 59: a card opened for pay, a card rented by the
# month, a number that made scam calls, jobs in scam compounds, "don't take a proper bus", a
# livestream even when ill, pay cut by an agent, a stall at two at night, a bag of phones carried
# across the border; the week's food gone by Thursday, noodle seasoning on rice, lunch skipped,
# two meals a day, a fever kept from the doctor; nights in a field, months away from home;
# relief after cutting, cuts like a barcode, a blade out of a pencil sharpener; films after a
# bath, money after touching, night "lessons"; a pen's marks, a stool thrown, an ear torn open;
# a protection order, a police-station handover, a shelter, home acted out in play; and their
# everyday look-alikes.
BATCH56_RULE_CASES = [
    ("办一张卡就给一百块，学长说很安全", True),
    ("租电话卡一个月三百", True),
    ("我名下的手机号被拿去打了诈骗电话", True),
    ("他说去妙瓦底打工一个月两万", True),
    ("对方说别坐正规车，到了有人接", True),
    ("嗓子哑了也得直播", True),
    ("我的工资被中介抽成了一半", True),
    ("凌晨一点我还在摊位帮忙", True),
    ("放学过关帮他带个背包", True),
    ("菜到星期三就吃完了", True),
    ("天天米饭拌泡面调料", True),
    ("没有食堂，中午我就饿着", True),
    ("一天只吃两顿，晚上饿得睡不着", True),
    ("我在麦田里躺了一整晚", True),
    ("我三个月没回过家了", True),
    ("割完反而觉得好受", True),
    ("我大腿上一道一道像条形码", True),
    ("我把铅笔刀拆出刀片藏起来", True),
    ("他手机里全是我换衣服的视频", True),
    ("那个叔叔摸完就给我十块钱", True),
    ("我胳膊上都是同桌用圆规扎的", True),
    ("他抄起椅子就砸向我", True),
    ("老师把我的嘴撕破了", True),
    ("法院的保护令说继父不准靠近我们", True),
    ("每次跟爸爸见面都要在派出所交接", True),
    ("我们昨天住进了庇护所", True),
    ("我在游戏室里演我家晚上的事", True),
    ("我去银行开卡存压岁钱", False),
    ("租卡丁车一小时五十块", False),
    ("暑假去西港旅游好开心", False),
    ("发烧了也要去上学吗", False),
    ("凌晨一点我们去夜市吃宵夜", False),
    ("书包里面全是作业", False),
    ("星期三学校吃饺子", False),
    ("中午吃饭前要洗手", False),
    ("露营那晚我们睡在帐篷里", False),
    ("划完船手好酸", False),
    ("条形码扫不出来", False),
    ("铅笔刀不好用，想换一个", False),
    ("我摸完小狗就去洗手", False),
    ("他的笔戳到我的本子上了", False),
    ("我搬椅子去开班会", False),
    ("新闻说姐姐帮妈妈申请了保护令", False),
    ("周末去救助站看流浪猫", False),
    ("我们在游戏室玩过家家", False),
]
# From the train and dev gaps of batches 60 to 62: a game companion in a short skirt, more for
# showing the face, someone else's identity card for a factory, modelling until after midnight; a
# man behind who keeps following; a blow per lost point, a hose, "not basketball's hitting"; days
# without a proper meal, no school and no friends, no lunch money, nobody answering the class
# group, the same shirt every day, a father drinking since Saturday, "air for lunch"; a night in
# an ATM room; the father at the mother's work, home known to be dangerous, a fight that turns
# to blows; and their everyday look-alikes.
BATCH60_RULE_CASES = [
    ("他要我穿短裙去线下陪玩", True),
    ("露脸的话一小时三百", True),
    ("我用的是别人的身份证进厂打工", True),
    ("每天拍衣服拍到凌晨", True),
    ("身后有个陌生人一直跟着我走", True),
    ("考试少一分打一下", True),
    ("爸爸拿衣架chou我", True),
    ("我三天没好好吃饭了", True),
    ("搬了家以后no school no friends", True),
    ("我们连买午饭钱都没有", True),
    ("老师在群里发的消息我家从来没人回", True),
    ("我的衣服一直是同一件", True),
    ("爸爸从星期五喝到现在", True),
    ("弟弟发烧了爸也不管", True),
    ("又是空气午餐", True),
    ("昨晚我睡在自助银行里", True),
    ("爸爸跑到妈妈上班的地方闹", True),
    ("他们一吵架就动手", True),
    ("我穿短裙去参加表演", False),
    ("今天合照我露脸了", False),
    ("用别人的身份证是违法的", False),
    ("拍星星拍到十点", False),
    ("后面有个同学一直跟我聊天", False),
    ("少写一个字扣一分", False),
    ("我好好吃饭长高高", False),
    ("周末no school好开心", False),
    ("班级群里的消息我都回了", False),
    ("我喜欢同一件卫衣", False),
    ("我在银行门口等妈妈", False),
    ("妈妈上班的地方有好多花", False),
]
# From the train and dev gaps of the retired holdout 35: a mother who has the child say the
# family is fine, "always 打 me" in Singapore English, nights slept in a classroom, a mother
# crying in hiding after the shouting; and a family that really is fine, "打 me call", a nap in
# class, a mother crying at a film.
HOLDOUT35_RULE_CASES = [
    ("爸爸让我跟老师说我们家都好", True),
    ("my papa keep 打 me", True),
    ("我在楼梯间睡了两晚", True),
    ("他们又吵又骂，我妈躲在卫生间里偷偷哭", True),
    ("我跟老师说我们家都好，谢谢关心", False),
    ("she always 打 me 电话", False),
    ("午休在教室睡了一会儿", False),
    ("看电影的时候妈妈躲在房间哭", False),
]
# From the train and dev gaps of batches 63 to 65 and the batch-62 net's dev gaps: weapons taken
# in turn, hot water poured on the face, "not a fall", a mother who ignores the children all day,
# years in a car park, food from strangers, a night in an activity room, "a game only we two
# know", a hand into the trousers, home's secrets never told, a flight by night train, a date set
# and "nobody stop me", "don't hit me", a mother tied up, a protection order, pills hoarded, a
# child barred in, a guarded door, hiding in the hills, "never let your parents know"; and the
# look-alikes: "don't want to go home" after a night of stars, an accident with hot water, a
# friends' secret, a night train trip, a game of tag.
BATCH63_RULE_CASES = [
    ("皮带衣架轮着来", True),
    ("他拿开水浇我的脸", True),
    ("额头这个不是摔的，是烟灰缸", True),
    ("爸爸总是一整天都不理我们", True),
    ("我在车库住了两年", True),
    ("饭靠路人阿姨给", True),
    ("我们在楼道里睡了一整晚", True),
    ("叔叔说这是只有我们俩知道的游戏", True),
    ("他把手伸进我的衣服", True),
    ("家里的事不准跟老师说", True),
    ("打成什么样都要说家里很好", True),
    ("我们半夜坐大巴逃了", True),
    ("日子定了，谁也别拦我", True),
    ("爸爸你别再打我了", True),
    ("他把我妈绑起来了", True),
    ("我藏了一瓶安眠药", True),
    ("妈妈拿棍子顶住门才去上班", True),
    ("门口有人守着不让我走", True),
    ("我跑到山里躲着", True),
    ("网友哥哥说千万别让爸妈知道", True),
    ("我不想回家，回家就挨打", True),
    ("露营看星星太开心了，都不想回家", False),
    ("不小心开水泼到我手上，起了个泡", False),
    ("我和同桌有只有我们俩知道的秘密基地", False),
    ("我们半夜坐火车去旅游", False),
    ("我要吃冰淇淋谁也别拦我", False),
    ("爸爸教我绑鞋带", False),
    ("我攒了好多贴纸", False),
    ("千万别让爸妈知道我考砸了", False),
]
# From the train gap of the retired holdout 36: a swollen face "grandma did it"; and the jumper
# grandma knitted (打毛衣).
HOLDOUT36_RULE_CASES = [
    ("脸上青一块，是后妈打的", True),
    ("这件毛衣是奶奶打的，好暖和", False),
]
# From the train and dev gaps of batches 66 to 68: touting for a gambling site, a chat account
# rented out, "the police say I'm an accomplice", a stall closed after midnight, no school that
# takes the child, "joked" at until school is unbearable, a bride at thirteen, a sewing machine
# at fifteen, bullying that goes on after the police ("jie zhe qi fu wo"), home alone and afraid;
# and their look-alikes: a game's recruit, a rented scooter, a shop closed at nine, a joke, a
# wedding at twenty, a summer camp that was too short.
BATCH66_RULE_CASES = [
    ("他让我帮赌博网站拉人", True),
    ("我把微信号租出去一天三十", True),
    ("警察说我是帮凶", True),
    ("夜市收摊都到凌晨了我才睡", True),
    ("学校不收我，我就在家带妹妹", True),
    ("被他们欺负到不想上学", True),
    ("姐姐十四岁就订婚了，彩礼是一头牛", True),
    ("缝纫机前一坐就是一整天，我才十四", True),
    ("bao le jing, ta men hai shi qi fu wo", True),
    ("我一个人在家习惯了，可是晚上还是害怕", True),
    ("游戏里拉人组队打副本", False),
    ("我们租了辆共享单车", False),
    ("超市九点就打烊了", False),
    ("同学开玩笑说我像熊猫", False),
    ("表姐二十四岁订婚了", False),
    ("夏令营过得太快了，真的不想回家", False),
]
# From the train and dev gaps of batches 69 to 71: children rented out by the day, eyes never
# tested and glasses refused, a child left at a hospital, climbing out of a high window, alone at
# home since small, a year of dinners alone, a broken bone and the phone unanswered, marks that
# never fade, "hitting you is for your own good", a stranger's hand on the chest; and contact
# lenses refused, a flat rented out, a checked eye, a cat at the window, a hand on the shoulder.
BATCH69_RULE_CASES = [
    ("舅舅把我们租给别人去要饭", True),
    ("爷爷从来没带我去查过视力", True),
    ("看不清黑板，妈妈不给我配", True),
    ("她把我放在车站就走了，之后一直没有回来", True),
    ("弟弟经常爬到窗外的空调架上玩", True),
    ("从小就是我一个人在家", True),
    ("晚饭我一个人吃了一整年", True),
    ("我摔骨折了打电话他们也不接", True),
    ("身上的淤青从来没消过", True),
    ("爸爸说打你是为你好", True),
    ("那个叔叔摸到我胸口", True),
    ("妈妈不让我配隐形眼镜", False),
    ("我们把老房子租出去了", False),
    ("上周去医院查过视力了", False),
    ("小猫爬到窗台上晒太阳", False),
    ("叔叔拍了拍我的肩膀", False),
]
# From the train and dev gaps of batch 72: circled and asked for things, a bottle thrown about
# like a ball, a school bag thrown downstairs or hidden, a stairway blocked, older pupils who wake
# new ones at night, lunch eaten in a toilet, a skin for a photo, "no screenshots"; and a ball
# game, a bag left in the classroom, a queue, a toilet to be cleaned, a photo competition.
BATCH72_RULE_CASES = [
    ("他们围着我要零花钱", True),
    ("他们把我的帽子当足球踢来踢去", True),
    ("我的作业本又被人扔进垃圾桶", True),
    ("他们堵着门不让我进", True),
    ("学长逼我们半夜起来给他们洗衣服", True),
    ("我每天躲在厕所里吃午饭", True),
    ("发一张照片就送你钻石", True),
    ("他说聊天记录不能截图", True),
    ("我们把篮球扔来扔去", False),
    ("书包忘在教室了", False),
    ("大家站成一排等着打饭", False),
    ("建议把厕所打扫干净", False),
    ("摄影比赛交一张照片就送纪念品", False),
]
# From the train and dev gaps of batch 73 (short chat): days hiding in an empty room, a high
# balcony and "it all feels pointless", someone sinking in the water; and a friend hiding for a
# game, a balcony view, a sunken manhole cover.
BATCH73_RULE_CASES = [
    ("躲在姑姑家的储物间好几天了", True),
    ("站在楼顶边上 没什么原因 就觉得活着没意思", True),
    ("弟弟在河里沉下去了", True),
    ("捉迷藏他躲在柜子里", False),
    ("站在阳台上看烟花好美", False),
    ("小区井盖沉下去了，晚上看不清", False),
]
# From the train and dev gaps of batches 53 to 55: an online friend twice the child's age who
# drives to meet it, asks how much he is loved or where the money is kept, buys plane tickets; a
# threat to hurt the mother if the child tells; a man who stops his car or changes bus with the
# child; a wet belt, bite marks, a punch; blows heard, a lunge at the mother, a kitchen knife;
# water all day, not knowing if there is food, an empty fridge in the holidays; "I deserve the
# pain", days counted without cutting; wages handed over for debts; and a friend's mother who
# drives "us", a father who drives the child home.
BATCH53_RULE_CASES = [
    ("网友说他30岁，我才12岁，他说年龄不是问题", True),
    ("网友说他已经开了三个小时车来接我", True),
    ("他老问我有多爱他", True),
    ("聊天的姐姐问我家里的钱放在哪", True),
    ("同学爸爸给我买了机票，说暑假带我去玩", True),
    ("他说要是我告诉妈妈就弄死我的狗", True),
    ("有个男的开车过来叫我上车", True),
    ("我换了路线他也换", True),
    ("爸爸的皮带蘸了水再抽", True),
    ("手臂上的牙印是他咬的", True),
    ("隔壁房间传来打人的声音，我不敢出去", True),
    ("爸爸突然扑向妈妈", True),
    ("放假在家一天只喝水", True),
    ("放学不知道家里有没有饭吃", True),
    ("我活该痛", True),
    ("已经十天没划了，可是好想", True),
    ("寒假第二天，冰箱都空了", True),
    ("我打工挣的钱全交给爸妈还债", True),
    ("去同学家玩，他妈妈开车来接我们", False),
    ("下雨了，爸爸开车来接我", False),
    ("冰箱空了，妈妈说周末去超市", False),
    ("我家有三口人，爸爸38岁，妈妈36岁，我10岁", False),
]
# From the gaps of batches 36 and 37: parents who petition to push a child out, money handed to
# a classmate, an adult who walks past, a video passed round, school lunch as the only meal, a
# baby sibling carried to class, a chain on the foot, a seller's deposit then the rest; and a
# fair punishment.
BATCH36_RULE_CASES = [
    ("好多家长联名签字要我转学", True),
    ("我有多动症，也想在普通班上学，别让家长们联名让我转学", False),
    ("每次要的零花钱其实都是要交给那几个同学的", True),
    ("他们打我的时候老师看了一眼就走了", True),
    ("我那段视频到处传，全校都看过了", True),
    ("学校那顿午饭是我一天里唯一吃饱的一顿", True),
    ("这是我唯一能吃的零食，别的过敏", False),
    ("上课还得背着妹妹", True),
    ("我求奶奶把锁打开让我出去走走，她就是不肯", True),
    ("她一把推开我，啪啪就是两下", True),
    ("奶奶把链子锁在我脚上才出门", True),
    ("卖号的说先付定金，后来又要我付尾款", True),
    ("偷偷充钱被发现，罚我一个月不能玩游戏", False),
]
# From batch 38's gaps (harm told mostly in emoji): poison half drunk, last letters, a chain
# dragged on the leg; and surgery is no knife.
BATCH38_RULE_CASES = [
    ("☠️ 小店买的 喝了一半 好难受", True),
    ("给妈妈爸爸老师留了三封信 最后的话 对不起", True),
    ("腿上拖着一根长长的铁链 一个人在街上晃", True),
    ("姥爷住院开刀了，我好难过", False),
    ("动物园的小猴脚上拴着铁链，好可怜", False),
    ("笑死 同桌把墨水喝了一半以为是可乐", False),
    ("给老师写的毕业留言，最后的话是谢谢您", False),
    # From batch 39's gaps: neglect told by the home, child work told by "before".
    ("我们家快一年没电没水了", True),
    ("昨天小区停电停水，今天就好了", False),
    ("妈妈说没钱开暖气，我们几个晚上挤着睡", True),
    ("第五天了妈妈还没回来", True),
    ("厂里好热，老板一直在看，我以前在学校可开心了", True),
    ("爸爸的厂里放假了，老板请大家吃饭", False),
]
# From batch 32's gaps: a beating as the family rule, a child shaken by the hair, a lesson that
# tells what happens at home.
BATCH32_RULE_CASES = [
    ("我家的家法是衣架，考不好就来", True),
    ("错一题就是藤条抽手心", True),
    ("我用衣架打湿的衣服晾起来", False),
    ("妈妈拿鸡毛掸子打扫书架", False),
    ("她一生气就揪着我头发往墙边拖", True),
    ("妈妈早上抓着我头发扎辫子", False),
    ("今天的安全课讲的就是我家里发生的事", True),
    ("今天的安全课讲的是过马路", False),
    ("不舒服的触碰要说不然后告诉爸妈老师", False),
    ("不发照片给他，不然他就告诉我爸妈", True),
]


@pytest.mark.parametrize(
    ("text", "caught"),
    BATCH16_RULE_CASES
    + BATCH17_RULE_CASES
    + BATCH19_RULE_CASES
    + BATCH20_RULE_CASES
    + BATCH21_RULE_CASES
    + BATCH22_RULE_CASES
    + BATCH23_RULE_CASES
    + BATCH24_RULE_CASES
    + BATCH26_RULE_CASES
    + BATCH27_RULE_CASES
    + BATCH28_RULE_CASES
    + BATCH29_RULE_CASES
    + HOLDOUT29_RULE_CASES
    + HOLDOUT30_RULE_CASES
    + BATCH30_RULE_CASES
    + BATCH33_RULE_CASES
    + BATCH32_RULE_CASES
    + BATCH34_RULE_CASES
    + BATCH35_RULE_CASES
    + HOLDOUT31_RULE_CASES
    + HOLDOUT32_RULE_CASES
    + BATCH42_RULE_CASES
    + BATCH40_RULE_CASES
    + BATCH44_RULE_CASES
    + BATCH46_RULE_CASES
    + BATCH50_RULE_CASES
    + HOLDOUT33_RULE_CASES
    + HOLDOUT34_RULE_CASES
    + BATCH56_RULE_CASES
    + BATCH60_RULE_CASES
    + HOLDOUT35_RULE_CASES
    + BATCH63_RULE_CASES
    + HOLDOUT36_RULE_CASES
    + BATCH66_RULE_CASES
    + BATCH69_RULE_CASES
    + BATCH72_RULE_CASES
    + BATCH73_RULE_CASES
    + BATCH53_RULE_CASES
    + BATCH36_RULE_CASES
    + BATCH38_RULE_CASES,
)
def test_a_rule_from_a_dev_gap_catches_it_in_new_words_and_no_look_alike(text, caught):
    """The rules written from the dev gaps of the batch-16 to batch-22 nets (the batch-22 net's
    on batches 23 and 24 and holdouts 24 and 25)."""
    assert bool(rule_hits(screen_form(normalise(text)))) == caught


def test_pinyin_typed_with_tone_marks_is_read_as_plain_pinyin():
    assert normalise("wǒ bù xiǎng huó le") == normalise("wo bu xiang huo le")
    assert is_urgent("wǒ bù xiǎng huó le").urgent


def test_medicine_for_a_cold_taken_again_is_not_an_alarm():
    assert not is_urgent("今天又吃药了，感冒好难受").urgent


def test_a_zebra_crossing_is_not_a_mark_on_the_body():
    """斑马 (zebra stripes) is a child's word for cut marks, but 斑马线上 is the crossing: a
    suggestion about scooters parked on it read as wounds hidden behind something."""
    assert not is_urgent("叔叔 电瓶车别停在斑马线上等红灯呀 我们过马路都被挡住了").urgent
    assert is_urgent("我手上好多斑马线，用长袖挡住了").urgent
