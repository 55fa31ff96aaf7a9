"""Real-sourced safeguarding set: children's disclosures paraphrased from public reports.

Every line of training/data/safeguarding_real.jsonl names the public page it was paraphrased
from (`source_url`) and the reported event it belongs to (`event`). The split keeps an event,
every page about it and every near-duplicate text on one side, so nothing a model or a rule
was tuned on is reworded into the dev or test split.
"""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass

from training.dataset import DATA_DIR, near_duplicate_groups, read_jsonl

REAL_FILE = DATA_DIR / "safeguarding_real.jsonl"
# New events collected after the test split had been read; never trained or tuned on.
HOLDOUT_FILE = DATA_DIR / "safeguarding_real_holdout.jsonl"
# A second holdout from new events, committed before the screen was changed or run on it.
HOLDOUT2_FILE = DATA_DIR / "safeguarding_real_holdout2.jsonl"
# A third holdout from new events, committed before anything was trained or run on it.
HOLDOUT3_FILE = DATA_DIR / "safeguarding_real_holdout3.jsonl"
# A fourth holdout from new events, committed before the screen was changed or run on it.
HOLDOUT4_FILE = DATA_DIR / "safeguarding_real_holdout4.jsonl"
# A fifth holdout from new events, committed before the screen was changed or run on it.
HOLDOUT5_FILE = DATA_DIR / "safeguarding_real_holdout5.jsonl"
# A sixth holdout from new events, committed before the screen was changed or run on it.
HOLDOUT6_FILE = DATA_DIR / "safeguarding_real_holdout6.jsonl"
# A seventh holdout from new events, committed before the screen was changed or run on it.
HOLDOUT7_FILE = DATA_DIR / "safeguarding_real_holdout7.jsonl"
# An eighth holdout from new events, committed before the screen was changed or run on it.
HOLDOUT8_FILE = DATA_DIR / "safeguarding_real_holdout8.jsonl"
# A ninth holdout from new events, committed before the screen was changed or run on it.
HOLDOUT9_FILE = DATA_DIR / "safeguarding_real_holdout9.jsonl"
# A tenth holdout from new events, committed before the screen was changed or run on it.
HOLDOUT10_FILE = DATA_DIR / "safeguarding_real_holdout10.jsonl"
# An eleventh holdout from new events, committed before the screen was changed or run on it.
HOLDOUT11_FILE = DATA_DIR / "safeguarding_real_holdout11.jsonl"
# A twelfth holdout from new events, committed before the screen was changed or run on it.
HOLDOUT12_FILE = DATA_DIR / "safeguarding_real_holdout12.jsonl"
# A fourteenth holdout, from teens' own posts and Taiwan, Hong Kong, Malaysia and Singapore
# pages, committed before the screen was changed or run on it (it arrived before the thirteenth).
HOLDOUT14_FILE = DATA_DIR / "safeguarding_real_holdout14.jsonl"
# A thirteenth holdout, from mainland news, procuratorate cases, 12355 stories and children's
# own writing, committed before the screen was changed or run on it (after the fourteenth).
HOLDOUT13_FILE = DATA_DIR / "safeguarding_real_holdout13.jsonl"
# A fifteenth holdout, from mainland news, cases and children's writing, committed before the
# screen was changed or run on it; kept out of every fix after its blind run.
HOLDOUT15_FILE = DATA_DIR / "safeguarding_real_holdout15.jsonl"
# A sixteenth holdout, from mainland news, procuratorate cases and children's writing, committed
# before the screen was changed or run on it; it stays whole and blind for the batch-16 net.
HOLDOUT16_FILE = DATA_DIR / "safeguarding_real_holdout16.jsonl"
# A seventeenth holdout, mostly Hong Kong, Macau, Taiwan, Malaysia and Singapore events, committed
# before any screen read it; the batch-16 screen's blind run is recorded on it.
HOLDOUT17_FILE = DATA_DIR / "safeguarding_real_holdout17.jsonl"
# An eighteenth holdout (Malaysia, Singapore, Taiwan, Hong Kong and a few mainland events),
# committed unread; the batch-16 screen's blind run is recorded on it.
HOLDOUT18_FILE = DATA_DIR / "safeguarding_real_holdout18.jsonl"
# A nineteenth holdout (mainland provinces, Taiwan, Singapore, Malaysia, Macau), committed
# unread: its first run, on the batch-17 screen, is blind.
HOLDOUT19_FILE = DATA_DIR / "safeguarding_real_holdout19.jsonl"
# A twentieth holdout (mainland provinces; court and procuratorate cases), written beside batch
# 18 and committed unread: with holdout 19, the batch-17 screen's first, blind reading.
HOLDOUT20_FILE = DATA_DIR / "safeguarding_real_holdout20.jsonl"
# A twenty-first holdout (mainland, Hong Kong, Taiwan, Singapore and Malaysia; many court
# cases), written beside batch 19 and committed unread: the batch-19 screen's blind reading.
HOLDOUT21_FILE = DATA_DIR / "safeguarding_real_holdout21.jsonl"
# A twenty-second holdout (mainland provinces, Hong Kong, Taiwan, Macau, Singapore, Malaysia),
# written beside batch 20 and committed unread: the batch-20 screen's blind reading.
HOLDOUT22_FILE = DATA_DIR / "safeguarding_real_holdout22.jsonl"
# A twenty-third holdout (mainland provinces, Hong Kong, Taiwan, Macau, Singapore, Malaysia),
# written beside batch 21 and committed unread: the next screen's blind reading.
HOLDOUT23_FILE = DATA_DIR / "safeguarding_real_holdout23.jsonl"
# A twenty-fourth holdout (mainland news, children's essays, forums, Taiwan), written beside
# batch 22 and committed unread: the batch-22 screen's blind reading.
HOLDOUT24_FILE = DATA_DIR / "safeguarding_real_holdout24.jsonl"
# A twenty-fifth holdout (mainland cases told in English-language reports, Taiwan, Hong Kong),
# written beside batch 23 and committed unread: the batch-23 screen's blind reading.
HOLDOUT25_FILE = DATA_DIR / "safeguarding_real_holdout25.jsonl"
# A twenty-sixth holdout, written beside batch 24 and committed unread: the next screen's blind
# reading. The index's unused pages ran short: it has no online grooming and one neglect line.
HOLDOUT26_FILE = DATA_DIR / "safeguarding_real_holdout26.jsonl"
# A twenty-seventh holdout (Singapore, Malaysia, Hong Kong and Taiwan cases, many from
# English-language reports), committed unread: the next screen's blind reading.
HOLDOUT27_FILE = DATA_DIR / "safeguarding_real_holdout27.jsonl"
# A twenty-eighth holdout (mostly mainland cases, some Taiwan, Hong Kong and Malaysia), written
# beside batch 26 and committed unread: the next screen's blind reading.
HOLDOUT28_FILE = DATA_DIR / "safeguarding_real_holdout28.jsonl"
# A twenty-ninth holdout (many English-language helpline and news reports told in a Chinese
# child's voice), written beside batch 27 and committed unread: the next screen's blind reading.
HOLDOUT29_FILE = DATA_DIR / "safeguarding_real_holdout29.jsonl"
# A thirtieth holdout (mostly Taiwan, Hong Kong, Malaysia and English-language court, helpline and
# news pages), committed unread: the next screen's blind reading.
HOLDOUT30_FILE = DATA_DIR / "safeguarding_real_holdout30.jsonl"
# A thirty-first holdout (Taiwan, mainland, Hong Kong, Singapore and Malaysia news and court
# pages, English-language children's and helpline pages), committed unread: the next screen's
# blind reading.
HOLDOUT31_FILE = DATA_DIR / "safeguarding_real_holdout31.jsonl"
# A thirty-second holdout (mainland and Taiwan news and court rulings, Singapore, Malaysia and Hong
# Kong reports, UK and Canadian helpline stories), committed unread with holdout 31 still blind:
# the blind reading of the screen after next.
HOLDOUT32_FILE = DATA_DIR / "safeguarding_real_holdout32.jsonl"
# A thirty-third holdout (83 pages: mainland, Hong Kong, Taiwan, Malaysian and Singaporean news
# and cases, English-language reports), written by a helper and committed unread: the blind
# reading of the screen after batches 40 to 43.
HOLDOUT33_FILE = DATA_DIR / "safeguarding_real_holdout33.jsonl"
# A thirty-fourth holdout (59 pages: mainland, Hong Kong, Macau, Taiwan, Malaysian and Singaporean
# reports, UK, US and Australian cases), committed unread with holdout 33 still blind: the blind
# reading of the screen after next.
HOLDOUT34_FILE = DATA_DIR / "safeguarding_real_holdout34.jsonl"
HOLDOUT35_FILE = DATA_DIR / "safeguarding_real_holdout35.jsonl"
HOLDOUT36_FILE = DATA_DIR / "safeguarding_real_holdout36.jsonl"
HOLDOUT37_FILE = DATA_DIR / "safeguarding_real_holdout37.jsonl"
HOLDOUT38_FILE = DATA_DIR / "safeguarding_real_holdout38.jsonl"
# Later batches live in their own files; load_real() reads them with the main file.
BATCH_FILES = (
    DATA_DIR / "safeguarding_real_batch4.jsonl",
    DATA_DIR / "safeguarding_real_batch5.jsonl",
    DATA_DIR / "safeguarding_real_batch6.jsonl",
    DATA_DIR / "safeguarding_real_batch7.jsonl",
    DATA_DIR / "safeguarding_real_batch8.jsonl",
    DATA_DIR / "safeguarding_real_batch9.jsonl",
    DATA_DIR / "safeguarding_real_batch10.jsonl",
    DATA_DIR / "safeguarding_real_batch11.jsonl",
    DATA_DIR / "safeguarding_real_batch12.jsonl",
    DATA_DIR / "safeguarding_real_batch13.jsonl",
    DATA_DIR / "safeguarding_real_batch14.jsonl",
    DATA_DIR / "safeguarding_real_batch15.jsonl",
    # Batch 16 came from two writers at once (neglect, witnessed violence, sexual abuse and
    # hitting; self-harm, running away, grooming, bullying and exploitation): one batch, two files.
    DATA_DIR / "safeguarding_real_batch16a.jsonl",
    DATA_DIR / "safeguarding_real_batch16b.jsonl",
    # Batch 17, two writers: the weakest kinds (neglect, exploitation, bullying, self-harm told
    # indirectly) and mostly hard negatives (children's everyday words that look like danger).
    DATA_DIR / "safeguarding_real_batch17a.jsonl",
    DATA_DIR / "safeguarding_real_batch17b.jsonl",
    # Batch 18: the kinds batch 17 was thin on (grooming online, witnessed violence, hitting,
    # sexual abuse told indirectly, running away), mostly from English-language pages.
    DATA_DIR / "safeguarding_real_batch18a.jsonl",
    # Batch 19: online scams that use children, neglect told as a life story, and safety
    # lessons and family play retold (hard negatives).
    DATA_DIR / "safeguarding_real_batch19.jsonl",
    # Batch 20: harm hidden as a joke or a game, abuse by relatives, children abandoned, ransom
    # and exploitation (a third in Cantonese or Taiwanese usage), beside other places' harm
    # retold and play with alarming words.
    DATA_DIR / "safeguarding_real_batch20.jsonl",
    # Batch 21: a teacher's or coach's abuse taken for love, beatings told as routine or a joke,
    # running away to find a parent, a punch meant for the mother; crushes and planned visits as
    # look-alikes.
    DATA_DIR / "safeguarding_real_batch21.jsonl",
    # Batch 22: harm told in written Cantonese, children lured into sex work, theft crews and
    # begging, neglect told as a plain life story, hitting in soft words; vaccine dread, quarrels
    # at home and letters to a parent in prison as look-alikes.
    DATA_DIR / "safeguarding_real_batch22.jsonl",
    # Batch 23: sexual abuse told only through the child's feelings, self-harm and poisoning
    # told as a joke, bullying told by what others did, children living alone; hazards, joking
    # threats and tipsy parents as look-alikes.
    DATA_DIR / "safeguarding_real_batch23.jsonl",
    # Batch 24: neglect told cheerfully or as routine, under-age work told with pride, grooming
    # told in written Cantonese with a laugh, a suggestion first and the harm after; calls with
    # grandparents and other places' news as look-alikes.
    DATA_DIR / "safeguarding_real_batch24.jsonl",
    # Batch 25: the boundary between busy parents and neglect: children who spend the holidays at
    # a parent's shop, stall or site (ordinary) beside children locked in, left for weeks or
    # selling flowers at night (neglect, exploitation).
    DATA_DIR / "safeguarding_real_batch25.jsonl",
    # Batch 26: harm with no danger word (neglect told cheerfully, a relative's or tutor's
    # closeness told through fear, online "friends", bullying by what others did, coded
    # self-harm, forced work, violence heard at night, running away as a plan), many from
    # English-language helpline and news reports; exam stress, pets, moves, busy parents and
    # drills as look-alikes.
    DATA_DIR / "safeguarding_real_batch26.jsonl",
    # Batch 27: very short hints, coded self-harm, nowhere to sleep tonight, harm in Cantonese,
    # Taiwanese and Malaysian voices; game talk, injuries, squabbles, nightmares and retold safety
    # lessons in pinyin, emoji and dialect as look-alikes.
    DATA_DIR / "safeguarding_real_batch27.jsonl",
    # Batch 28: online adults planning to meet, abuse told as a joke or as confusion, girls
    # married off or sent to work, runaways with a friend told in dialect; grandparents' illness,
    # bickering parents, safety lessons and other places' news as look-alikes.
    DATA_DIR / "safeguarding_real_batch28.jsonl",
    # Batch 29: witnessed violence, self-harm and neglect told indirectly, many from
    # English-language helpline and refuge pages; ponds and dark stairs, grief, exam stress and
    # parents who argue and make up as look-alikes.
    DATA_DIR / "safeguarding_real_batch29.jsonl",
    # Batch 30: neglect and exploitation told by their details (an empty fridge, a family living
    # in a car, children washing dishes or selling gum at night, scams with "part-time jobs"),
    # runaways and self-harm told indirectly; first nights home alone, cooking, helping in the
    # family shop and lawful holiday jobs as look-alikes.
    DATA_DIR / "safeguarding_real_batch30.jsonl",
    # Batch 31: mostly look-alikes from children's chatty posts (proud young carers, scoldings
    # and grounding, quarrels made up, game and exam talk, injuries, pets, grandparents) beside
    # abuse, grooming and coded self-harm told in the same chatty styles.
    DATA_DIR / "safeguarding_real_batch31.jsonl",
    # Batch 32: online grooming, sexual abuse and hitting told without danger words (a game
    # "big brother" who moves the chat, a coach's small dark room, a back-scratcher as the family
    # rule, black eyes as "panda eyes"); body-safety lessons, check-ups with a parent there, a
    # coach correcting strokes and parents reading the phone as look-alikes.
    DATA_DIR / "safeguarding_real_batch32.jsonl",
    # Batch 33: witnessed violence, bullying, runaways and child work told indirectly (a father
    # with knives told in Cantonese, a nickname, a lunch video posted online, a train to Kunming,
    # a juice stall); parents' quarrels that end well, agreed sleepovers and teasing among
    # friends as look-alikes.
    DATA_DIR / "safeguarding_real_batch33.jsonl",
    # Batch 34: self-harm and neglect wrapped in a joke or told in emoji (coded goodbyes, "not a
    # burden", hidden marks, weekends without food, sores never treated); 笑死, 饿死 before lunch,
    # 社死, sad films and a dead tortoise as look-alikes in the same styles.
    DATA_DIR / "safeguarding_real_batch34.jsonl",
    # Batch 35: every kind of harm typed the way children of other places write: Hong Kong
    # Cantonese, Taiwanese 注音 and 火星文, Malaysian Chinese with Malay, Singlish, Sichuan and
    # northern dialect; scoldings, game talk and retold police talks in the same voices.
    DATA_DIR / "safeguarding_real_batch35.jsonl",
    # Batch 36: neglect and bullying told only by their details (children kept in one corner,
    # school lunch as the only meal, things that keep disappearing, clothes cut, a video passed
    # round); lost things found, teasing both friends enjoy and proud young carers as look-alikes.
    DATA_DIR / "safeguarding_real_batch36.jsonl",
    # Batch 37: money scams aimed at children (game sellers, free skins for a parent's code, fake
    # police), hitting told by the tool or the mark (a cage, a heated spoon, "让你长记性"), adults
    # posing as children online; purchases with a parent's OK and retold news as look-alikes.
    DATA_DIR / "safeguarding_real_batch37.jsonl",
    # Batch 38: harm told mostly in emoji (a chain, a glove, a bar, pesticide, a stranger's car, a
    # train to find a mother); birthdays, sad films, a pulled tooth and lost dogs as look-alikes.
    DATA_DIR / "safeguarding_real_batch38.jsonl",
    # Batch 39: neglect and child work told indirectly (a seven-year-old nursing a paralysed
    # father, summer shoes at forty below, flower girls run by an "aunt", a debt signed for a
    # classmate); charity sales, night-shift parents with a grandmother home and lawful holiday
    # jobs as look-alikes.
    DATA_DIR / "safeguarding_real_batch39.jsonl",
    # Batch 40: sexual abuse told only indirectly (a hand under the quilt, nap time, a "tickle"
    # game, a mother who does not believe) and violence at home told by its aftermath; bedtime,
    # check-ups, bath time and broken cups as look-alikes.
    DATA_DIR / "safeguarding_real_batch40.jsonl",
    # Batch 41: harm of every kind told mostly in emoji and telegraphic phone style; cooking,
    # games, pulled teeth, haunted houses and lawful chores in emoji as look-alikes.
    DATA_DIR / "safeguarding_real_batch41.jsonl",
    # Batch 42: bullying and neglect told by what happens (things broken, a toilet locked, a
    # group chat, teachers and coaches who humiliate or hit; a bag with one cereal bar, calls
    # never answered); friends' quarrels, busy parents who care and frightening news as look-alikes.
    DATA_DIR / "safeguarding_real_batch42.jsonl",
    # Batch 43: children's chatty diary words that look like danger (打针, 累死, nosebleeds,
    # knives in cooking, police talks, fair punishments), beside harm told in the same voice.
    DATA_DIR / "safeguarding_real_batch43.jsonl",
    # Batch 44: violence at home heard at night, running away (a station, a net cafe, a friend's
    # floor), grooming in games and video calls, self-harm told by goodbyes; loud but safe
    # quarrels, school trips, classmates met online and toys given away as look-alikes.
    DATA_DIR / "safeguarding_real_batch44.jsonl",
    # Batch 45: harm typed in toneless pinyin, initials, homophones and slang (想鼠, 紫砂, 寄了);
    # the same styles in play, memes and pinyin look-alikes (da dian hua, si ji, sha fa).
    DATA_DIR / "safeguarding_real_batch45.jsonl",
    # Batch 46: neglect told by its details, often in emoji (winter sandals, lice, an empty
    # fridge, a child cooking for siblings, sleeping in a fast-food shop); poor but loving
    # families, short power cuts and first cooking attempts as look-alikes.
    DATA_DIR / "safeguarding_real_batch46.jsonl",
    # Batch 47: bullying (money taken weekly, kneeling filmed, a class vote) and child work
    # (bars, workshops, begging, flower selling at night, child streamers); family-shop help,
    # paid chores and lawful child actors as look-alikes.
    DATA_DIR / "safeguarding_real_batch47.jsonl",
    # Batch 48: every kind of harm in Hong Kong Cantonese, Taiwanese Hokkien words, Malaysian and
    # Singaporean mixes and mainland dialects; rough-sounding everyday talk in the same voices.
    DATA_DIR / "safeguarding_real_batch48.jsonl",
    # Batch 49: children's safety suggestions and lessons (crossings, railings, drills, lost-child
    # points, news retold) beside suggestions that also reveal the child's own danger.
    DATA_DIR / "safeguarding_real_batch49.jsonl",
    # Batch 50: neglect and bullying told by small details, mostly in emoji (nappies and no
    # adult, the same clothes for weeks, lunches thrown away, things borrowed for good); caring
    # busy families and deskmate quarrels that end well as look-alikes.
    DATA_DIR / "safeguarding_real_batch50.jsonl",
    # Batch 51: every kind of harm in English mixed with Chinese, Malay or Cantonese (Singapore,
    # Malaysia, Hong Kong, Childline and NSPCC pages); "I'm dead" about exams and games as
    # look-alikes.
    DATA_DIR / "safeguarding_real_batch51.jsonl",
    # Batch 52: sexual abuse and grooming told by hints (coaches, tutors, gifts, secrets, "delete
    # the app"); kind teachers, coaches with parents present and birthday secrets as look-alikes.
    DATA_DIR / "safeguarding_real_batch52.jsonl",
    # Batch 53: every kind of harm told laughing (哈哈, 笑死, lol); family fights over the remote,
    # chess "killing", haunted houses and exam "death" in the same voice as look-alikes.
    DATA_DIR / "safeguarding_real_batch53.jsonl",
    # Batch 54: strangers who follow or watch a child (comments on every photo, a man at the
    # gate, "our secret") and violence at home heard from hiding; waving neighbours, couriers and
    # parents who quarrel then laugh as look-alikes.
    DATA_DIR / "safeguarding_real_batch54.jsonl",
    # Batch 55: harm told by its effects or fears (hunger in the holidays, marks explained away,
    # long sleeves in summer, fear of a day of the week, bedwetting again); honest sports
    # injuries, scary-film nightmares and sunburn as look-alikes.
    DATA_DIR / "safeguarding_real_batch55.jsonl",
    # Batch 56: sexual abuse told as care, teaching, hygiene, a game or filming (Singapore,
    # Malaysia, Hong Kong), violence at home told through play, courts and shelters; bath time,
    # bike lessons and cops-and-robbers as look-alikes.
    DATA_DIR / "safeguarding_real_batch56.jsonl",
    # Batch 57: self-harm told indirectly (sleeves, calm after cutting, things given away) and
    # harm told by its after-effects (vomiting at the word school, a shadow at the gate); tooth
    # pain, homework and sun sleeves as look-alikes.
    DATA_DIR / "safeguarding_real_batch57.jsonl",
    # Batch 58: neglect of left-behind and boarding children, and child work and fraud (phone and
    # bank cards, "typing jobs" abroad, roses sold at night); children who are fine with parents
    # away, paid chores and donations as look-alikes.
    DATA_DIR / "safeguarding_real_batch58.jsonl",
    # Batch 59: grooming and sextortion in games, running away (stations, night bookshops,
    # fields) and beatings told in pinyin, homophones and emoji; game chat, station trips,
    # sleepovers and sport as look-alikes.
    DATA_DIR / "safeguarding_real_batch59.jsonl",
    # Batch 60: neglect told by small details (one T-shirt for a week, a mouldy quilt, noodles
    # left for days) and violence at home seen by children; food left by working parents,
    # children who cook for fun and picky eaters as look-alikes.
    DATA_DIR / "safeguarding_real_batch60.jsonl",
    # Batch 61: every kind of harm told joking or in emoji (残血, 习惯了, 🩹🍞❌); exam "death",
    # tooth fear, horror films and family banter in the same voice as look-alikes.
    DATA_DIR / "safeguarding_real_batch61.jsonl",
    # Batch 62: mostly look-alikes (a scolding that ends in a hug, a dog bite treated at once, a
    # lost child at the mall, a slide with no mat) beside the danger they resemble.
    DATA_DIR / "safeguarding_real_batch62.jsonl",
    # Batch 63: mostly look-alikes of the blind runs' false alarms (a call to 110 over a pat on the
    # back, pocket money given to a disaster area, a shoe caught in an escalator, a teacher's joke
    # threat) beside disclosures that resemble them.
    DATA_DIR / "safeguarding_real_batch63.jsonl",
    # Batch 64: Singapore, Malaysia, Hong Kong and Taiwan voices (rotan, 打 me, 郁手, 安親班) for
    # every kind of harm; school life, old canings and news from elsewhere as look-alikes.
    DATA_DIR / "safeguarding_real_batch64.jsonl",
    # Batch 65: violence at home told indirectly (crying in the next room, "say our family is
    # happy", a dawn flight to grandma's) and running away and hiding; parents who argue and make
    # up, camps and night walks as look-alikes.
    DATA_DIR / "safeguarding_real_batch65.jsonl",
    # Batch 66: child work and fraud told indirectly (flowers sold at night to a quota, accounts
    # and cards rented out, a family's "online earner", a workshop at fourteen) and bullying that
    # adults wave away; chores, family shops and school sales as look-alikes.
    DATA_DIR / "safeguarding_real_batch66.jsonl",
    # Batch 67: every kind of harm typed in pinyin (spaced, run together, misspelt), homophones
    # and slang (鼠鼠, 润了, 紫砂) and mixed with English; canteen "e si le", calls with fathers
    # far away and game slang as look-alikes.
    DATA_DIR / "safeguarding_real_batch67.jsonl",
    # Batch 68: mostly look-alikes from children's diaries (not wanting to go home after camp,
    # bags packed for a holiday, a nosebleed in class, a haircut "sentence", a pet that died)
    # beside the danger they resemble.
    DATA_DIR / "safeguarding_real_batch68.jsonl",
    # Batch 69: neglect beyond hunger (glasses never bought, lice, electricity cut off, a parent
    # at mahjong, young carers, dinners alone all year) and sexual abuse told only by hints; baths
    # refused, a fever nursed all night and a broken pair of glasses as look-alikes.
    DATA_DIR / "safeguarding_real_batch69.jsonl",
    # Batch 70: child work beyond cards and stalls (sold as a maid, trained to steal, rented out
    # to beg, martial-arts schools with beatings, a father's debt); June 1st shows and hard
    # training as look-alikes.
    DATA_DIR / "safeguarding_real_batch70.jsonl",
    # Batch 71: danger told in one small sentence inside a suggestion or an essay, beside
    # suggestions, essays and retold news about safety, family and feelings that are not danger.
    DATA_DIR / "safeguarding_real_batch71.jsonl",
    # Batch 72: bullying told indirectly (blocked from group chats, a name used as an insult,
    # snacks handed over weekly, serving a dorm, lunch in a toilet cubicle) and grooming from
    # pages in English about Chinese-speaking children; teasing both enjoy and a classmate met in
    # a game as look-alikes.
    DATA_DIR / "safeguarding_real_batch72.jsonl",
    # Batch 73: short chat-like messages as a child types them on a phone, mostly everyday moods
    # and small complaints (烦死了, 我妈骂我了, 没人陪我玩) beside equally short disclosures.
    DATA_DIR / "safeguarding_real_batch73.jsonl",
)
# Holdouts whose one blind run is recorded in training/reports/safeguarding_blind_runs.json
# are retired into the data, each as a batch of its own (numbered from 101), split by event like
# any batch: their test parts stay unread. Holdouts 6 to 9 were retired after holdout 9's blind
# run; the newest holdout stays whole and blind until its own run. Holdouts 10 to 15 were retired
# for the batch-16 net, after each one's blind run and with holdout 16 committed and run blind
# first. Holdouts 16 to 18 were retired for the batch-17 net, after holdout 18's blind run on the
# batch-16 screen and with holdout 19 committed unread; holdouts 19 and 20 for the batch-19 net,
# after their blind runs on the batch-17 screen and with holdout 21 committed unread; holdout 21
# for the batch-20 net, after its blind run on the batch-19 screen, with holdout 22 unread;
# holdout 22 after its blind run, with holdout 23 unread; holdout 23 after its blind run on the
# batch-21 screen, with holdout 24 being written unread; holdout 24 after its blind run on the
# batch-22 screen, with holdout 25 being written unread; holdout 25 after its blind run on the
# batch-23 screen, with holdout 26 committed unread; holdout 26 after its blind run on the
# batch-25 screen, with holdout 27 being written unread; holdout 27 after its blind run on the
# same screen, with holdout 28 being written unread; holdout 28 after its blind run on that same
# screen again, with batch 26 in the data; holdout 29 after its blind run on the batch-29 screen,
# with holdout 30 committed unread; holdout 30 after its blind run on the same screen, with
# holdout 31 being written unread; holdout 31 after its blind run on the batch-35 screen, with
# holdout 32 committed unread; holdout 32 after its blind run on the batch-39 screen, with
# holdout 33 being written unread; holdout 33 after its blind run on the batch-52 screen, with
# holdout 34 committed unread; holdout 34 after its blind run on the batch-55 screen, with
# holdout 35 being written unread; holdout 35 after its blind run on the batch-62 screen, with
# holdout 36 being written unread; holdout 36 after its blind run on the batch-65 screen, with
# holdout 37 being written unread.
RETIRED_HOLDOUTS = {
    HOLDOUT_FILE: 101,
    HOLDOUT2_FILE: 102,
    HOLDOUT3_FILE: 103,
    HOLDOUT4_FILE: 104,
    HOLDOUT5_FILE: 105,
    HOLDOUT6_FILE: 106,
    HOLDOUT7_FILE: 107,
    HOLDOUT8_FILE: 108,
    HOLDOUT9_FILE: 109,
    HOLDOUT10_FILE: 110,
    HOLDOUT11_FILE: 111,
    HOLDOUT12_FILE: 112,
    HOLDOUT13_FILE: 113,
    HOLDOUT14_FILE: 114,
    HOLDOUT15_FILE: 115,
    HOLDOUT16_FILE: 116,
    HOLDOUT17_FILE: 117,
    HOLDOUT18_FILE: 118,
    HOLDOUT19_FILE: 119,
    HOLDOUT20_FILE: 120,
    HOLDOUT21_FILE: 121,
    HOLDOUT22_FILE: 122,
    HOLDOUT23_FILE: 123,
    HOLDOUT24_FILE: 124,
    HOLDOUT25_FILE: 125,
    HOLDOUT26_FILE: 126,
    HOLDOUT27_FILE: 127,
    HOLDOUT28_FILE: 128,
    HOLDOUT29_FILE: 129,
    HOLDOUT30_FILE: 130,
    HOLDOUT31_FILE: 131,
    HOLDOUT32_FILE: 132,
    HOLDOUT33_FILE: 133,
    HOLDOUT34_FILE: 134,
    HOLDOUT35_FILE: 135,
    HOLDOUT36_FILE: 136,
}
SPLIT_SEED = 110120
SHARES = {"train": 0.6, "dev": 0.2, "test": 0.2}
URGENT_KINDS = (
    "hitting",
    "witnessed_dv",
    "sexual_abuse",
    "grooming_online",
    "bullying",
    "neglect",
    "runaway",
    "exploitation",
    "self_harm",
)
SAFE_KINDS = ("ordinary_safety", "figure_of_speech", "other_place", "ordinary")
STYLES = ("characters", "pinyin", "homophone", "emoji", "joking", "mixed")


@dataclass(frozen=True)
class RealCase:
    """One paraphrased text with where it came from and how it is written."""

    text: str
    urgent: bool
    kind: str
    style: str
    source_url: str
    event: str
    derived: bool = False
    # Lines are added in batches; each batch is split on its own, so adding one never moves
    # an event of an earlier batch to another split (a test split, once read, stays read).
    batch: int = 1


def load_real(path=None) -> list[RealCase]:
    """Read one file, or by default the real-sourced set: the main file, every batch file and
    the retired holdouts."""
    paths = [path] if path else [REAL_FILE, *BATCH_FILES, *RETIRED_HOLDOUTS]
    return [
        RealCase(
            r["text"],
            bool(r["urgent"]),
            r["kind"],
            r["style"],
            r["source_url"],
            r.get("event") or r["source_url"],
            bool(r.get("derived", False)),
            RETIRED_HOLDOUTS.get(p) or int(r.get("batch", 1)),
        )
        for p in paths
        for r in read_jsonl(p)
    ]


def source_groups(cases: list[RealCase]) -> list[list[int]]:
    """Indices grouped so one event, one page and near-duplicate texts never cross a split."""
    parent = list(range(len(cases)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first: dict[str, int] = {}
    for i, case in enumerate(cases):
        for key in (f"event:{case.event}", f"url:{case.source_url}"):
            join(i, first.setdefault(key, i))
    near = near_duplicate_groups([c.text for c in cases])
    for i, g in enumerate(near):
        join(i, g)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(cases)):
        groups[find(i)].append(i)
    return list(groups.values())


def _rank(cases: list[RealCase], members: list[int]) -> str:
    """Salted hash of a group's events: the split order is fixed and stable as lines are added."""
    key = "|".join(sorted({cases[i].event for i in members}))
    return hashlib.sha256(f"{SPLIT_SEED}:{key}".encode()).hexdigest()


def split_real(cases: list[RealCase]) -> dict[str, list[RealCase]]:
    """About 60/20/20 by group within each batch, so a new batch never reshuffles an old one."""
    out: dict[str, list[RealCase]] = {name: [] for name in SHARES}
    for batch in sorted({c.batch for c in cases}):
        for name, part in _split_batch([c for c in cases if c.batch == batch]).items():
            out[name].extend(part)
    return out


def _split_batch(cases: list[RealCase]) -> dict[str, list[RealCase]]:
    """About 60/20/20 by group, stratified by each group's main kind; dev and test fill first."""
    by_kind: dict[str, list[list[int]]] = defaultdict(list)
    for members in source_groups(cases):
        kind = Counter(cases[i].kind for i in members).most_common(1)[0][0]
        by_kind[kind].append(members)
    out: dict[str, list[RealCase]] = {name: [] for name in SHARES}
    for kind in sorted(by_kind):
        ordered = sorted(by_kind[kind], key=lambda m: _rank(cases, m))
        total = sum(len(m) for m in ordered)
        filled = dict.fromkeys(SHARES, 0)
        for members in ordered:
            name = next(
                (
                    n
                    for n in ("test", "dev")
                    if filled[n] + len(members) / 2 <= SHARES[n] * total or filled[n] == 0
                ),
                "train",
            )
            filled[name] += len(members)
            out[name].extend(cases[i] for i in members)
    return out
