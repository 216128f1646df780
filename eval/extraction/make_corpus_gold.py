"""Build eval/extraction/corpus.jsonl: claim gold for real articles in ../shared/corpus.

The claims below were chosen by reading the article texts (before the extractor was ever run on
them); this script only turns the verbatim strings into character offsets (``str.find``), checks every
span and writes the JSON Lines file, so nobody counts characters by hand and no article text is copied
into the project beyond the claim strings themselves.

    python eval/extraction/make_corpus_gold.py ../shared/corpus eval/extraction/corpus.jsonl

Each entry: (doc, kind, content, speaker text or None, speaker name, stance,
extra stances [(stance, source text, source name[, anchor])], options).
doc is the file name without ``.txt``; the file is looked up in any story folder of the corpus.
Content must occur exactly once in the file unless options give "nth" (0-based occurrence).
Speaker span: by default the occurrence nearest the content (the last one before it when it starts
within 400 characters, else the first one after it); options "sp_after": True takes the first one after
the content; "sp": an anchor string that contains the speaker text (the occurrence of the anchor nearest
the content is used, and the speaker is searched inside it). An extra stance's optional 4th element is
such an anchor, or "after".
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

Q, R, S = "quote", "reported", "statement"

# ---------------------------------------------------------------------------------------------- English
GOLD_EN = [
    # ---- story 1: en_wired-archive_chen-memo (WIRED via archive.today)
    ("en_wired-archive_chen-memo", Q, "Someone Has Broken Into Our Home", "OpenAI Leadership", "openai", "asserts", [], {}),
    ("en_wired-archive_chen-memo", R, "they're ‘recalibrating comp,’", "OpenAI executives", "openai", "asserts", [], {}),
    ("en_wired-archive_chen-memo", S, "Mark Chen, the chief research officer at OpenAI, sent a forceful memo to staff on Saturday, promising to go head-to-head with the social giant in the war for top research talent.", None, None, "asserts", [], {}),
    ("en_wired-archive_chen-memo", S, "This memo, which was sent to OpenAI employees in Slack and obtained by WIRED, came days after Meta CEO Mark Zuckerberg successfully recruited four senior researchers from the company to join Meta’s superintelligence lab.", None, None, "asserts", [], {}),
    ("en_wired-archive_chen-memo", Q, "I feel a visceral feeling right now, as if someone has broken into our home and stolen something", "Chen", "chen", "asserts", [], {"sp_after": True}),
    ("en_wired-archive_chen-memo", Q, "Please trust that we haven’t been sitting idly by.", "Chen", "chen", "asserts", [], {}),
    ("en_wired-archive_chen-memo", R, "he was working with Sam Altman, the CEO of OpenAI, and other leaders at the company “around the clock to talk to those with offers,”", "Chen", "chen", "asserts", [], {"sp": "Chen promised"}),
    ("en_wired-archive_chen-memo", Q, "we’ve been more proactive than ever before, we’re recalibrating comp, and we’re scoping out creative ways to recognize and reward top talent.", "Chen", "chen", "asserts", [], {"sp": "Chen promised"}),

    # ---- story 1: en_enterpriseceo_chen-memo
    ("en_enterpriseceo_chen-memo", S, "OpenAI’s Chief Research Officer Mark Chen has issued a strong internal message vowing to fiercely compete with Meta for top AI research talent, following Meta CEO Mark Zuckerberg’s recent recruitment of four senior OpenAI researchers to join Meta’s superintelligence lab.", None, None, "asserts", [], {}),
    ("en_enterpriseceo_chen-memo", Q, "someone [breaking] into our home and stolen something.", "Chen", "chen", "asserts", [], {"sp": "WIRED, Chen expressed"}),
    ("en_enterpriseceo_chen-memo", R, "OpenAI leadership, including CEO Sam Altman, was working tirelessly “around the clock to talk to those with offers” from Meta", "Chen", "chen", "asserts", [], {"sp": "WIRED, Chen expressed"}),
    ("en_enterpriseceo_chen-memo", R, "the company is “more proactive than ever before,” revisiting compensation packages and exploring new ways to reward and retain key talent", "Chen", "chen", "asserts", [], {"sp": "Chen said the company"}),
    ("en_enterpriseceo_chen-memo", Q, "While I’ll fight to keep every one of you, I won’t do so at the price of fairness to others", "Chen", "chen", "asserts", [], {"sp": "Chen emphasized"}),
    ("en_enterpriseceo_chen-memo", R, "Meta has reportedly offered some OpenAI staffers $100 million signing bonuses and lucrative first-year compensation", "Altman", "altman", "asserts",
     [("disputes", "some Meta representatives", "meta"), ("confirms", "multiple sources at OpenAI", "openai sources")], {"sp": "according to Altman"}),
    ("en_enterpriseceo_chen-memo", R, "Zuckerberg personally reaching out to potential recruits", "The Wall Street Journal", "wall street journal", "asserts", [], {}),
    ("en_enterpriseceo_chen-memo", Q, "comp-focused packages", "Chen", "chen", "asserts", [], {"sp": "Chen noted"}),

    # ---- story 1: en_benzinga_bosworth-dishonest
    ("en_benzinga_bosworth-dishonest", S, "Bosworth counters OpenAI's Sam Altman's claims about $100 million signing bonuses.", None, None, "asserts", [], {}),
    ("en_benzinga_bosworth-dishonest", S, "A top-ranking executive at Meta Platforms Inc. has leveled accusations of dishonesty against Sam Altman, the leader of OpenAI.", None, None, "asserts", [], {}),
    ("en_benzinga_bosworth-dishonest", S, "What Happened: The allegations pertain to claims of $100 million signing bonuses offered by Meta to lure leading AI researchers away from OpenAI.", None, None, "asserts", [], {}),
    ("en_benzinga_bosworth-dishonest", S, "Andrew Bosworth, Meta’s Chief Technology Officer, refuted Altman’s allegations during a company-wide meeting last week.", None, None, "asserts", [], {}),
    ("en_benzinga_bosworth-dishonest", R, "Altman was implying that every individual was being offered such a lucrative package", "Bosworth", "bosworth", "asserts", [], {"sp": "Bosworth stated"}),
    ("en_benzinga_bosworth-dishonest", R, "Meta had started making significant offers to several members of his team", "Altman", "altman", "asserts", [], {"sp": "Altman had earlier"}),
    ("en_benzinga_bosworth-dishonest", R, "none of their top talents had accepted these offers", "Altman", "altman", "asserts", [], {"sp": "Altman had earlier"}),
    ("en_benzinga_bosworth-dishonest", Q, "Sam is just being dishonest here. He's suggesting that we're doing this for every single person… Look, you guys, the market's hot. It's not that hot", "Bosworth", "bosworth", "asserts", [], {"sp_after": True}),
    ("en_benzinga_bosworth-dishonest", S, "Contrary to Altman’s statements, a number of OpenAI researchers have since transitioned to Meta.", None, None, "asserts", [], {}),
    ("en_benzinga_bosworth-dishonest", R, "receiving a $100 million sign-on bonus", "Lucas Beyer", "beyer", "denies", [], {}),
    ("en_benzinga_bosworth-dishonest", R, "Altman’s claims were missing vital context", "Bosworth", "bosworth", "asserts", [], {"sp": "Bosworth contended"}),
    ("en_benzinga_bosworth-dishonest", R, "creating a niche market for a very select group of people in senior leadership roles", "Bosworth", "bosworth", "asserts", [], {"sp": "Bosworth contended"}),
    ("en_benzinga_bosworth-dishonest", R, "Altman was blowing things out of proportion because Meta was successfully attracting talent from OpenAI", "Bosworth", "bosworth", "hedges", [], {"sp": "Bosworth contended"}),

    # ---- story 1: en_hindustantimes_beyer-fake-news
    ("en_hindustantimes_beyer-fake-news", S, "Mark Zuckerberg has poached three of OpenAI’s top researchers for Meta – but contrary to Sam Altman’s claims, they did not get $100 million as a sign-on bonus.", None, None, "asserts", [], {}),
    ("en_hindustantimes_beyer-fake-news", R, "Meta paid $100 million to the OpenAI employees joining its superintelligence team", "Altman", "altman", "asserts",
     [("denies", "Lucas Beyer", "beyer", "Lucas Beyer, a former OpenAI")], {"sp": "dismissed Altman’s"}),
    ("en_hindustantimes_beyer-fake-news", R, "Meta offered his employees bonuses of $100 million to recruit them", "Sam Altman", "altman", "asserts", [], {}),
    ("en_hindustantimes_beyer-fake-news", R, "the top OpenAI researchers who quit the ChatGPT-maker are Lucas Beyer, Alexander Kolesnikov, and Xiaohua Zhai", "Wall Street Journal", "wall street journal", "asserts", [], {}),
    ("en_hindustantimes_beyer-fake-news", S, "All of them worked out of OpenAI’s Zurich office.", None, None, "asserts", [], {}),
    ("en_hindustantimes_beyer-fake-news", R, "Meta “started making giant offers to a lot of people on our team” like “$100 million signing bonuses, more than that (in) compensation per year.”", "Altman", "altman", "asserts", [], {"sp": "OpenAI’s Altman claimed"}),
    ("en_hindustantimes_beyer-fake-news", S, "Lucas Beyer, a former Google employee who had been with OpenAI since 2024, recently quit the AI firm to join Meta.", None, None, "asserts", [], {}),
    ("en_hindustantimes_beyer-fake-news", R, "he and other top researchers were paid nine figure signing bonuses", "Sam Altman", "altman", "asserts",
     [("denies", "Lucas Beyer", "beyer", "Lucas Beyer, a former Google")], {"sp": "refuted Sam Altman’s"}),
    ("en_hindustantimes_beyer-fake-news", Q, "Hey all, couple quick notes: 1) yes, we will be joining Meta. 2) no, we did not get 100M sign-on, that's fake news", "Beyer", "beyer", "denies", [], {"sp_after": True}),
    ("en_hindustantimes_beyer-fake-news", Q, "Thank God Sam let me know I've been lowballed", "Beyer", "beyer", "asserts", [], {"sp_after": True}),

    # ---- story 2: en_creditshui_strikes-delayed-less-than-six-months (probably the Financial Times)
    ("en_creditshui_strikes-delayed-less-than-six-months", R, "The US air strikes on Iran set back its nuclear progress by less than six months", "an early US intelligence assessment", "dia assessment", "asserts",
     [("disputes", "the White House", "white house", "rejected by the White House"), ("disputes", "the Pentagon", "pentagon", "the Pentagon, which")], {}),
    ("en_creditshui_strikes-delayed-less-than-six-months", S, "The findings of the preliminary report into the attack by the Defense Intelligence Agency, described by some US media, came just three days after the US president authorised the bombing of Iran’s key nuclear sites.", None, None, "asserts", [], {}),
    ("en_creditshui_strikes-delayed-less-than-six-months", S, "The DIA’s findings, revealed on Tuesday by CNN and others, were furiously rejected by the White House and the Pentagon, which stood by Trump’s judgment that Iran’s nuclear programme had been destroyed.", None, None, "asserts", [], {}),
    ("en_creditshui_strikes-delayed-less-than-six-months", R, "the “alleged ‘assessment’” had been leaked by “an anonymous, low-level loser in the intelligence community”", "Karoline Leavitt", "leavitt", "asserts", [], {}),
    ("en_creditshui_strikes-delayed-less-than-six-months", Q, "Everyone knows what happens when you drop fourteen 30,000 pound bombs perfectly on their targets: total obliteration.", "Leavitt", "leavitt", "asserts", [], {"sp": "Leavitt added"}),
    ("en_creditshui_strikes-delayed-less-than-six-months", S, "The report’s findings will raise questions about the merits of the US military strike, which involved B-2 stealth bombers and submarine-launched missiles hitting Iranian nuclear sites at Natanz, Isfahan and Fordow, a facility buried half a kilometre underground.", None, None, "asserts", [], {}),
    ("en_creditshui_strikes-delayed-less-than-six-months", R, "its nuclear programme is for civilian purposes", "Iran", "iran", "asserts", [], {"sp": "Iran has repeatedly"}),
    ("en_creditshui_strikes-delayed-less-than-six-months", R, "Iran was not building a bomb", "US intelligence", "us intelligence", "asserts",
     [("disputes", "Trump", "trump", "although Trump")], {"sp": "US intelligence earlier"}),
    ("en_creditshui_strikes-delayed-less-than-six-months", Q, "Based on everything we have seen — and I’ve seen it all — our bombing campaign obliterated Iran’s ability to create nuclear weapons. Our massive bombs hit exactly the right spot at each target — and worked perfectly", "Pete Hegseth", "hegseth", "asserts", [], {}),

    # ---- story 2: en_indynews_strikes-set-back-months
    ("en_indynews_strikes-set-back-months", S, "US Strikes Only Set Back Iran's Nuclear Program by Months", None, None, "asserts", [], {}),
    ("en_indynews_strikes-set-back-months", R, "Iran's nuclear program has been set back only a few months after a U.S. strike", "A new U.S. intelligence report", "dia report", "asserts",
     [("disputes", "The White House", "white house", "The White House strongly")], {}),
    ("en_indynews_strikes-set-back-months", R, "while the Saturday strikes at the Fordo, Natanz, and Isfahan nuclear sites did significant damage, they were not totally destroyed", "The report", "dia report", "asserts", [], {"sp": "The report issued"}),
    ("en_indynews_strikes-set-back-months", R, "the strikes moved some of Iran's highly enriched uranium out of multiple sites before the attacks, which survived", "two people familiar with the early assessment", "people familiar", "asserts", [], {}),
    ("en_indynews_strikes-set-back-months", R, "Iran's centrifuges are largely intact, and at least some of the underground infrastructure at the Fordo uranium enrichment plant was not destroyed", "The report", "dia report", "asserts", [], {"sp": "The report also"}),
    ("en_indynews_strikes-set-back-months", R, "previous assessments had warned of this outcome at Fordo", "The person who spoke to The Associated Press", "people familiar", "asserts", [], {}),
    ("en_indynews_strikes-set-back-months", Q, "flat-out wrong.", "The White House", "white house", "denies", [], {}),
    ("en_indynews_strikes-set-back-months", Q, "The leaking of this alleged assessment is a clear attempt to demean President Trump, and discredit the brave fighter pilots who conducted a perfectly executed mission to obliterate Iran's nuclear program. Everyone knows what happens when you drop fourteen 30,000 pound bombs perfectly on their targets: total obliteration.", "Karoline Leavitt", "leavitt", "asserts", [], {}),
    ("en_indynews_strikes-set-back-months", R, "the strikes left the sites in Iran \"totally destroyed\" and that Iran will never rebuild its nuclear facilities", "Trump", "trump", "asserts", [], {"sp": "Trump has said"}),
    ("en_indynews_strikes-set-back-months", S, "This was said by Israeli Prime Minister Benjamin Netanyahu in a televised statement on Tuesday, thanking Trump for his support.", None, None, "asserts", [], {}),
    ("en_indynews_strikes-set-back-months", S, "The CIA and the Office of the Director of National Intelligence declined to comment on the DIA assessment.", None, None, "asserts", [], {}),
    ("en_indynews_strikes-set-back-months", S, "The intelligence assessment was first reported by CNN on Tuesday.", None, None, "asserts", [], {}),

    # ---- story 2: en_wionews_trump-totally-obliterated (first paragraph stored twice, labelled twice)
    ("en_wionews_trump-totally-obliterated", R, "airstrikes on three Iranian nuclear sites did not destroy the facilities completely and set Iran’s nuclear programme back by a few months, not years", "A preliminary classified assessment", "dia assessment", "asserts", [], {"nth": 0}),
    ("en_wionews_trump-totally-obliterated", R, "US bomb strikes on nuclear installations in Iran completely destroyed Tehran’s nuclear programme", "President Donald Trump", "trump", "asserts", [], {}),
    ("en_wionews_trump-totally-obliterated", Q, "It’s been obliterated, totally obliterated", "Trump", "trump", "asserts", [], {"sp_after": True}),
    ("en_wionews_trump-totally-obliterated", R, "airstrikes on three Iranian nuclear sites did not destroy the facilities completely and set Iran’s nuclear programme back by a few months, not years", "A preliminary classified assessment", "dia assessment", "asserts", [], {"nth": 1}),
    ("en_wionews_trump-totally-obliterated", S, "The assessment was first reported by CNN, followed by NBC News and other outlets.", None, None, "asserts", [], {}),
    ("en_wionews_trump-totally-obliterated", R, "the data used was insufficient", "Trump", "trump", "hedges", [], {"sp": "Trump acknowledged"}),
    ("en_wionews_trump-totally-obliterated", Q, "They did a report, but it was like, if you look at the dates, it’s just a few days after, so they didn’t see the sites", "Trump", "trump", "asserts", [], {"sp_after": True}),
    ("en_wionews_trump-totally-obliterated", Q, "The report was not a complete report", "Trump", "trump", "asserts", [], {"sp": "” Trump said. “The report"}),
    ("en_wionews_trump-totally-obliterated", Q, "This is a preliminary, low confidence assessment—not a final conclusion—and will continue to be refined as additional intelligence becomes available", "a senior DIA official", "dia official", "asserts", [], {}),
    ("en_wionews_trump-totally-obliterated", Q, "We have still not been able to review the actual physical sites themselves, which will give us the best indication.", "a senior DIA official", "dia official", "asserts", [], {}),
    ("en_wionews_trump-totally-obliterated", Q, "Final battle damage will take some time, but initial battle damage assessments indicate that all three sites sustained extremely severe damage and destruction", "Caine", "caine", "asserts", [], {}),

    # ---- story 2: en_localeurope_dia-report-months
    ("en_localeurope_dia-report-months", R, "Iran’s nuclear program was only delayed by a matter of months following a US strike", "A recent US intelligence report", "dia report", "hedges",
     [("disputes", "The White House", "white house", "The White House vehemently")], {}),
    ("en_localeurope_dia-report-months", R, "it was “completely and fully obliterated.”", "President Donald Trump", "trump", "asserts", [], {}),
    ("en_localeurope_dia-report-months", S, "The preliminary assessment, released Monday by the Defence Intelligence Agency (DIA), contrasts with statements made by both Trump and Israeli Prime Minister Benjamin Netanyahu regarding the condition of Iran’s nuclear facilities.", None, None, "asserts", [], {}),
    ("en_localeurope_dia-report-months", R, "while the strikes on Saturday at the Fordo, Natanz, and Isfahan nuclear sites caused substantial damage, they did not result in complete destruction", "Sources familiar with the report", "sources", "asserts", [], {}),
    ("en_localeurope_dia-report-months", Q, "flat-out wrong.", "The White House", "white house", "denies", [], {}),
    ("en_localeurope_dia-report-months", Q, "The leaking of this alleged assessment is a blatant attempt to undermine President Trump and discredit the courageous pilots who executed a flawless mission to dismantle Iran’s nuclear program.", "Karoline Leavitt", "leavitt", "asserts", [], {}),
    ("en_localeurope_dia-report-months", Q, "It’s common knowledge that when you precisely deploy 14 30,000-pound bombs on their intended targets, the outcome is complete obliteration.", "Karoline Leavitt", "leavitt", "asserts", [], {}),
    ("en_localeurope_dia-report-months", S, "Neither the CIA nor the Office of the Director of National Intelligence (ODNI) offered a comment on the DIA’s assessment.", None, None, "asserts", [], {}),
    ("en_localeurope_dia-report-months", S, "The ODNI oversees the operations of the nation’s 18 intelligence agencies, including the DIA, which serves as the intelligence branch of the Defense Department.", None, None, "asserts", [], {}),
    ("en_localeurope_dia-report-months", S, "The DIA is responsible for generating intelligence concerning foreign militaries and the capabilities of adversaries.", None, None, "asserts", [], {}),
    ("en_localeurope_dia-report-months", S, "CNN initially reported on the intelligence assessment on Tuesday.", None, None, "asserts", [], {}),
]

# ----------------------------------------------------------------------------------------------- Arabic
GOLD_AR = [
    # ---- story 1: ar_elsob7_altman-reveals-100m
    ("ar_elsob7_altman-reveals-100m", R, "ميتا سعت لجذب موظفينا بعروض مغرية تصل إلى 100 مليون دولار", "سام ألتمان", "altman", "asserts", [], {"sp": "سام ألتمان يكشف"}),
    ("ar_elsob7_altman-reveals-100m", R, "ميتا حاولت إغراء موظفينا بمكافآت 100 مليون دولار", "سام ألتمان", "altman", "asserts", [], {"sp": "سام ألتمان: ميتا"}),
    ("ar_elsob7_altman-reveals-100m", R, "شركة ميتا تحت قيادة مارك زوكربيرج استهدفت بعض كبار الباحثين في OpenAI بعروض مالية خيالية وصلت إلى 100 مليون دولار", "سام ألتمان", "altman", "asserts", [], {"sp": "أوضح سام ألتمان"}),
    ("ar_elsob7_altman-reveals-100m", R, "هذه المحاولات لم تفلح", "سام ألتمان", "altman", "asserts", [], {"sp": "أوضح سام ألتمان"}),
    ("ar_elsob7_altman-reveals-100m", S, "خلال حوار صوتي مع شقيقه جاك ألتمان، تحدث عن عروض “خيالية” كانت موجهة لكبار المهندسين والباحثين في فريقه، وذلك ضمن جهود ميتا لتعزيز وحدة الذكاء الاصطناعي المتقدمة التي يديرها ألكسندر وانج، الرئيس التنفيذي السابق لشركة Scale AI، والتي تقع مكاتبها بالقرب من زوكربيرج.", None, None, "asserts", [], {}),
    ("ar_elsob7_altman-reveals-100m", Q, "قدمت ميتا مكافآت كبيرة للعديد من أفراد فريقنا، مثل مكافآت توقيع بقيمة 100 مليون دولار، وتعويضات سنوية أعلى من ذلك، لكنني سعيد لأن لا أحد من أفضل موظفينا قد استجاب لهذه العروض حتى الآن.", "ألتمان", "altman", "asserts", [], {"sp": "قال ألتمان"}),
    ("ar_elsob7_altman-reveals-100m", R, "السبب الرئيسي وراء رفض موظفيه لتلك العروض الفلكية هو قناعتهم بأن OpenAI تمتلك فرصًا أفضل لتحقيق الذكاء الاصطناعي العام (AGI)، وربما تصبح في المستقبل الشركة الأكثر قيمة في هذا القطاع", "ألتمان", "altman", "asserts", [], {"sp": "قال ألتمان"}),

    # ---- story 1: ar_alsabbaq_three-researchers
    ("ar_alsabbaq_three-researchers", S, "ميتا تستقطب ثلاثة باحثين من OpenAI", None, None, "asserts", [], {}),
    ("ar_alsabbaq_three-researchers", S, "استقطب الرئيس التنفيذي لشركة ميتا ثلاثة باحثين من شركة OpenAI للانضمام إلى فريقه الخاص", None, None, "asserts", [], {}),
    ("ar_alsabbaq_three-researchers", R, "مغادرة الموظفين الثلاثة", "متحدث باسم OpenAI", "openai spokesperson", "confirms", [], {}),
    ("ar_alsabbaq_three-researchers", S, "ولم ترد ميتا على طلب للتعليق خارج ساعات العمل الرسمية.", None, None, "asserts", [], {}),
    ("ar_alsabbaq_three-researchers", R, "فقد وظفت ميتا كلاً من لوكاس باير وألكسندر كوليسنيكوف وشياوهوا زاي، وهم باحثون كانوا يعملون في مكتب OpenAI في زيورخ", "صحيفة وول ستريت جورنال", "wall street journal", "asserts", [], {}),
    ("ar_alsabbaq_three-researchers", R, "ميتا عرضت على بعض موظفيه مكافآت تصل إلى 100 مليون دولار من أجل استقطابهم", "ألتمان", "altman", "asserts", [], {"sp": "وكان ألتمان"}),
    ("ar_alsabbaq_three-researchers", S, "ومع أن ميتا كانت تُعرف سابقًا كقائدة في مجال النماذج مفتوحة المصدر في الذكاء الاصطناعي، إلا أنها عانت مؤخرًا من موجات استقالات وتأجيل في إطلاق نماذج ذكاء اصطناعي جديدة كان من المتوقع أن تنافس منتجات من Google وOpenAI وDeepSeek الصينية.", None, None, "asserts", [], {}),
    ("ar_alsabbaq_three-researchers", Q, "سمعت أن ميتا تعتبرنا أكبر منافس لها", "ألتمان", "altman", "asserts", [], {"sp": "وقال ألتمان"}),
    ("ar_alsabbaq_three-researchers", S, "وفي خطوة أخرى بارزة، قامت ميتا مؤخرًا بتوظيف ألكسندر وانغ، الرئيس التنفيذي لشركة Scale AI البالغ من العمر 28 عامًا، للعمل ضمن جهودها في تطوير \"الذكاء الخارق\".", None, None, "asserts", [], {}),
    ("ar_alsabbaq_three-researchers", S, "كما استحوذت على حصة تبلغ 49% من Scale AI مقابل 14.3 مليار دولار.", None, None, "asserts", [], {}),

    # ---- story 1: ar_wn-lemonde_three-researchers
    ("ar_wn-lemonde_three-researchers", R, "الرئيس التنفيذي لشركة «ميتا» مارك زوكربيرغ عيَّن 3 باحثين من شركة «أوبن إيه آي»، للانضمام إلى فريقه المخصص لتطوير «الذكاء الفائق»", "صحيفة «وول ستريت جورنال»", "wall street journal", "asserts", [], {}),
    ("ar_wn-lemonde_three-researchers", R, "مغادرة الباحثين الثلاثة، وهم لوكاس باير، ألكسندر كوليسنيكوف، وشياوهوا زهاي، الذين كانوا يعملون في مكتب الشركة بزيورخ", "متحدث باسم «أوبن إيه آي»", "openai spokesperson", "confirms", [], {}),

    # ---- story 1: ar_tesaaworld_four-researchers
    ("ar_tesaaworld_four-researchers", S, "استراتيجية ميتا الجديدة: تعزيز الفريق البحثي واستثمارات ضخمة في الذكاء الاصطناعي", None, None, "asserts", [], {}),
    ("ar_tesaaworld_four-researchers", R, "في خطوة تعكس تركيزها المتزايد على مجال الذكاء الاصطناعي، أعلنت شركة ميتا بلاتفورمز (الشركة الأم لفيسبوك وإنستغرام) عن تعيين أربعة باحثين جدد من منافستها أوبن إيه آي", "تقارير إعلامية", "reports", "hedges", [], {}),
    ("ar_tesaaworld_four-researchers", R, "الباحثين شينغجيا تشاو، وجياهوي يو، وشوتشاو بي، وهونغيو رين وافقوا على الانضمام إلى ميتا", "موقع \"ذا إنفورميشن\"", "the information", "asserts", [], {}),
    ("ar_tesaaworld_four-researchers", R, "الشركة عينت مؤخراً ثلاثة آخرين من أوبن إيه آي في فرعها بزيورخ، وهم لوكاس باير، وألكسندر كوليسنيكوف، وشياوهوا تشاي", "وول ستريت جورنال", "wall street journal", "asserts", [], {}),
    ("ar_tesaaworld_four-researchers", S, "هذه الخطوة تأتي في إطار سعي مارك زوكربيرج، الرئيس التنفيذي لـ ميتا، لتعزيز قدرات الشركة في مجال الذكاء الفائق، حيث تسعى لجذب المزيد من الخبرات من الشركات الرائدة في هذا المجال.", None, None, "asserts", [], {}),

    # ---- story 2: ar_almasryalyoum_cnn-dia-assessment
    ("ar_almasryalyoum_cnn-dia-assessment", R, "الضربات الجوية التي استهدفت ثلاث منشآت نووية إيرانية نهاية الأسبوع الماضي لم تدمر البنية الأساسية للبرنامج النووي الإيراني، بل يُرجح أنها أدت فقط إلى تأخير محدود لبضعة أشهر", "تقييم أولي", "dia assessment", "asserts",
     [("disputes", "البيت الأبيض", "white house", "أقر البيت الأبيض")], {}),
    ("ar_almasryalyoum_cnn-dia-assessment", R, "العملية بأنها «دمار شامل» و«إبادة للطموحات النووية»", "الرئيس دونالد ترامب", "trump", "asserts", [], {}),
    ("ar_almasryalyoum_cnn-dia-assessment", R, "العملية كانت ناجحة كما خُطط لها", "البيت الأبيض", "white house", "confirms", [], {}),
    ("ar_almasryalyoum_cnn-dia-assessment", Q, "الحثالة", "دونالد ترامب", "trump", "asserts", [], {"sp": "الرئيس الأمريكي دونالد ترامب"}),
    ("ar_almasryalyoum_cnn-dia-assessment", R, "الضربات العسكرية الأمريكية «دمرت تمامًا وبشكل كامل» المنشآت الرئيسية لتخصيب اليورانيوم في إيران", "ترمب", "trump", "asserts",
     [("disputes", "التقارير", "reports", "التقارير التي شككت")], {}),
    ("ar_almasryalyoum_cnn-dia-assessment", S, "ولا تزال تقييمات الأضرار جارية.", None, None, "asserts", [], {}),
    ("ar_almasryalyoum_cnn-dia-assessment", R, "طياري القاذفات من طراز B-2، الذين أسقطوا متفجرات قوية على المواقع النووية، «يجب أن يُشكروا» على قيامهم بـ«عمل لا يُصدق»", "ترامب", "trump", "asserts", [], {"sp": "وذكر ترامب"}),

    # ---- story 2: ar_almasryalyoum_wapo-intercepts
    ("ar_almasryalyoum_wapo-intercepts", R, "اتصالات إيرانية جرى اعتراضها تضمنت أحاديث تقلل من حجم الأضرار التي سببتها الضربات الأمريكية على منشآت إيران النووية", "صحيفة «واشنطن بوست»", "washington post", "asserts",
     [("confirms", "مصدر", "source", "وأكد مصدر")], {"sp": "نقلت صحيفة «واشنطن بوست»"}),
    ("ar_almasryalyoum_wapo-intercepts", Q, "سُمع كبار المسؤولين يقولون إن الضربة الأمريكية على إيران كانت أقل تدميرًا مما كان متوقعًا", "الصحيفة", "washington post", "asserts", [], {"sp": "وقالت الصحيفة"}),
    ("ar_almasryalyoum_wapo-intercepts", R, "هناك تساؤلات جدية بشأن ما إذا كان المسؤولون الإيرانيون صادقين", "مصدر", "source", "asserts", [], {"sp": "وأكد مصدر"}),
    ("ar_almasryalyoum_wapo-intercepts", R, "عمليات التنصت بأنها مؤشرات غير موثوقة", "مصدر", "source", "asserts", [], {"sp": "وأكد مصدر"}),
    ("ar_almasryalyoum_wapo-intercepts", R, "الضربات ربما عطلت إيران بضعة أشهر فقط", "تقييم أولي", "dia assessment", "hedges", [], {}),
    ("ar_almasryalyoum_wapo-intercepts", R, "الضربات «محت تمامًا» البرنامج النووي الإيراني", "دونالد ترامب", "trump", "asserts", [], {}),
    ("ar_almasryalyoum_wapo-intercepts", R, "الضربات دمرت القدرات النووية الإيرانية", "ترامب", "trump", "asserts", [], {"sp": "جدد «ترامب»"}),
    ("ar_almasryalyoum_wapo-intercepts", Q, "لقد دُمرت بشكل لم يشهده أحد من قبل، وهذا يعني نهاية طموحاتهم النووية، على الأقل لفترة من الزمن", "ترامب", "trump", "asserts", [], {"sp": "جدد «ترامب»"}),

    # ---- story 2: ar_lebanondebate_trump-rubio-fordo
    ("ar_lebanondebate_trump-rubio-fordo", S, "في ظل تقييمات استخباراتية أميركية متباينة حول أثر الضربات الأميركية على المنشآت النووية الإيرانية، جدد الرئيس دونالد ترامب التأكيد على فاعلية تلك الضربات التي استهدفت منشأة فوردو الأسبوع الماضي.", None, None, "asserts", [], {}),
    ("ar_lebanondebate_trump-rubio-fordo", R, "منشأة فوردو تعرضت لدمار شامل", "ترامب", "trump", "confirms", [], {"sp": "وأكد ترامب"}),
    ("ar_lebanondebate_trump-rubio-fordo", Q, "عملاء إسرائيليين كانوا في الموقع بعد الضربة وتأكدوا من الدمار الكامل", "ترامب", "trump", "asserts", [], {"sp": "وأكد ترامب"}),
    ("ar_lebanondebate_trump-rubio-fordo", R, "معلومات الاستخبارات ليست قاطعة", "ترامب", "trump", "confirms", [], {"sp": "أصر ترامب"}),
    ("ar_lebanondebate_trump-rubio-fordo", R, "الضربة الأميركية قضت على المواقع النووية الإيرانية بالكامل", "ترامب", "trump", "asserts", [], {"sp": "أصر ترامب"}),
    ("ar_lebanondebate_trump-rubio-fordo", R, "\"أضرار كبيرة وجوهرية\" أصابت ركائز البرنامج النووي الإيراني", "ماركو روبيو", "rubio", "asserts", [], {}),
    ("ar_lebanondebate_trump-rubio-fordo", R, "طهران \"باتت أبعد من أي وقت مضى عن امتلاك السلاح النووي\" منذ القرار الأميركي بتدمير منشآت فوردو ونطنز وأصفهان", "ماركو روبيو", "rubio", "asserts", [], {}),

    # ---- story 2: ar_asharq_trump-admin-battle-assessments (live-blog item citing Fox News)
    ("ar_asharq_trump-admin-battle-assessments", S, "إدارة ترمب تخوض معركة جديدة لمواجهة التقييمات الأولية لضربة إيران", None, None, "asserts", [], {}),
    ("ar_asharq_trump-admin-battle-assessments", R, "الضربات الجوية الأخيرة في طهران \"دمرت بالكامل\" 3 منشآت نووية إيرانية", "دونالد ترمب", "trump", "asserts", [], {}),
    ("ar_asharq_trump-admin-battle-assessments", R, "العملية لم تؤدِ إلا إلى تأخير البرنامج النووي الإيراني لبضعة أشهر فقط", "التقرير", "dia report", "asserts",
     [("disputes", "أعضاء إدارة ترمب", "trump administration")], {"sp": "خلص التقرير"}),
    ("ar_asharq_trump-admin-battle-assessments", R, "أنه لا تتوفر حالياً معلومات كافية لتحديد حجم الضرر الذي ألحقته الضربات بدقة", "العديد من الخبراء", "experts", "confirms", [], {}),
    ("ar_asharq_trump-admin-battle-assessments", R, "إعداد تقييم استخباراتي شامل هو \"عملية معقدة وتستغرق وقتاً طويلاً\"", "العديد من الخبراء", "experts", "asserts", [], {}),
    ("ar_asharq_trump-admin-battle-assessments", R, "إنه لا يُولي أهمية كبيرة للتقييمات السريعة، سواء كانت مفرطة في التشاؤم أو التفاؤل", "دان شابيرو", "shapiro", "asserts", [], {}),
    ("ar_asharq_trump-admin-battle-assessments", R, "التقييم الأولي لوكالة الاستخبارات كان على الأرجح مستنداً فقط إلى صور الأقمار الاصطناعية", "دان شابيرو", "shapiro", "hedges", [], {}),

    # ---- story 2: ar_newsroom_wapo-not-fully-destroyed
    ("ar_newsroom_wapo-not-fully-destroyed", R, "الضربة الأمريكية لم تُدمّر قدرات إيران النووية بالكامل", "واشنطن بوست", "washington post", "asserts", [], {"sp": "\"واشنطن بوست\": الضربة"}),
    ("ar_newsroom_wapo-not-fully-destroyed", S, "أثارت تقارير جديدة نشرتها صحيفة واشنطن بوست، الأحد، شكوكاً متزايدة حول حجم الضرر الحقيقي الذي ألحقته الضربات الجوية الأمريكية الأخيرة بالبرنامج النووي الإيراني، وسط تضارب لافت بين روايات المخابرات الأمريكية، والتصريحات الرسمية الصادرة عن البيت الأبيض والرئيس دونالد ترامب.", None, None, "asserts", [], {}),
    ("ar_newsroom_wapo-not-fully-destroyed", R, "أجهزة التنصت رصدت اتصالات بين مسؤولين إيرانيين تقلل من حجم الأضرار التي سببتها الضربات الأميركية الأخيرة", "الصحيفة", "washington post", "asserts", [], {"sp": "ونقلت الصحيفة"}),
    ("ar_newsroom_wapo-not-fully-destroyed", Q, "سُمع كبار المسؤولين الإيرانيين يقولون إن الضربة كانت أقل تدميراً مما كان متوقعاً", "واشنطن بوست", "washington post", "asserts", [], {"sp": "وقالت \"واشنطن بوست\""}),
    ("ar_newsroom_wapo-not-fully-destroyed", R, "مصداقية الرواية الإيرانية موضع شك، والتنصت لا يعدّ مصدراً موثوقاً كلياً في هذه الحالة", "مصادر استخباراتية أخرى", "intelligence sources", "asserts", [], {}),

    # ---- story 2: ar_elbalad_dia-chief-dismissed
    ("ar_elbalad_dia-chief-dismissed", R, "وزارة الدفاع الأمريكية البنتاجون أصدرت قرارا بإقالة رئيس وكالة استخبارات الدفاع بعد تقرير يناقض ادعاء ترامب بشأن منشآت إيران النووية", "صحيفة نيويورك تايمز", "new york times", "asserts", [], {}),
    ("ar_elbalad_dia-chief-dismissed", R, "بأنه ستتم إقالة رئيس وكالة استخبارات الدفاع", "مسؤول دفاعي أمريكي كبير", "defense official", "asserts", [], {}),
    ("ar_elbalad_dia-chief-dismissed", S, "ويأتي القرار ضمن سلسلة إقالات شملت عددا من كبار الضباط هذا العام.", None, None, "asserts", [], {}),
    ("ar_elbalad_dia-chief-dismissed", S, "وجاءت إقالة الجنرال جيفري كروس الذي ترأس وكالة استخبارات الدفاع منذ بداية عام 2024، بعد أن أصدرت الوكالة تقييما أوليا أفاد بأن الضربات الأمريكية على إيران أدت إلى تأخير برنامجها النووي لبضعة أشهر فقط.", None, None, "asserts", [], {}),
    ("ar_elbalad_dia-chief-dismissed", R, "الضربات دمرت المواقع النووية الثلاثة المستهدفة بالكامل", "الرئيس دونالد ترامب", "trump", "asserts", [], {}),
]

# ----------------------------------------------------------------------------------------------- French
GOLD_FR = [
    ("fr_kulturegeek_three-researchers", S, "Meta vient de marquer un point dans la bataille pour recruter les meilleurs talents en intelligence artificielle en débauchant trois chercheurs de chez OpenAI : Lucas Beyer, Alexander Kolesnikov et Xiaohua Zhai, les fondateurs du bureau zurichois d’OpenAI.", None, None, "asserts", [], {}),
    ("fr_kulturegeek_three-researchers", R, "ces derniers rejoignent l’équipe « superintelligence » de Meta", "Wall Street Journal", "wall street journal", "asserts", [], {}),
    ("fr_kulturegeek_three-researchers", S, "Ce « transfert » (comme au foot en somme…) vient en quelque sorte valider la stratégie agressive de Mark Zuckerberg, qui n’hésite pas à offrir plus de 100 millions de dollars en rémunération pour attirer les meilleurs profils, et ce malgré les moqueries publiques de Sam Altman à ce sujet.", None, None, "asserts", [], {}),
    ("fr_kulturegeek_three-researchers", S, "Zuckerberg mène cette campagne de recrutement de manière personnelle, contactant directement des chercheurs via WhatsApp et organisant des dîners à son domicile pour finir de les convaincre.", None, None, "asserts", [], {}),
    ("fr_kulturegeek_three-researchers", S, "Si cette méthode a permis de recruter des profils prestigieux, comme le CEO de Scale AI, Alexandr Wang, grâce à un investissement de 14 milliards de dollars, cela n’a pas (encore) permis de séduire certaines anciennes figures majeures d’OpenAI, telles qu’Ilya Sutskever et John Schulman, qui ont préféré fonder leurs propres startups de leur côté.", None, None, "asserts", [], {}),

    ("fr_lebigdata_three-researchers", S, "Meta passe à l’offensive dans la guerre de l’IA, car trois chercheurs d’OpenAI viennent de rejoindre les rangs de Mark Zuckerberg, déclenchant la colère de Sam Altman.", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Dans les coulisses, les géants de la tech s’arrachent les talents les plus brillants pour bâtir la prochaine génération d’IA.", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Cette semaine, Meta a recruté trois chercheurs d’élite d’OpenAI.", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Ces experts, basées à Zurich étaient jusqu’ici impliqués dans les avancées les plus pointues de l’IA générative.", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Et Sam Altman voit rouge et dénonce des méthodes de recrutement agressives.", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Meta pique trois chercheurs à OpenAI", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", R, "Lucas Beyer, Alexander Kolesnikov et Xiaohua Zhai ont quitté le navire OpenAI", "Wall Street Journal", "wall street journal", "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Ces chercheurs IA voulaient rejoindre une mystérieuse équipe superintelligence montée par Meta.", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Apparemment, cette équipe veut taper fort dans la course à l’IA générale (AGI), cette fameuse intelligence capable de tout faire comme (ou mieux que) nous.", None, None, "hedges", [], {}),
    ("fr_lebigdata_three-researchers", R, "tenter de siphonner ses meilleurs talents à coups de primes allant jusqu’à 100 millions de dollars", "Sam Altman", "altman", "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Donc ce n’était visiblement pas une simple rumeur.", None, None, "asserts", [], {}),
    # the embedded X post (author not in the stored text): its two factual sentences
    ("fr_lebigdata_three-researchers", S, "Wow, Zuck basically acquired the whole OpenAI Zurich office!", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "They don't even want to wait for their OpenAI equity to vest, wonder how big Meta's signing bonus is.", None, None, "asserts", [], {}),
    ("fr_lebigdata_three-researchers", S, "Autrefois star de l’IA open source, l’entreprise a récemment accusé du retard par rapport à Google, OpenAI ou même la startup chinoise DeepSeek.", None, None, "asserts", [], {}),
]

# ----------------------------------------------------------------------------------------------- German
GOLD_DE = [
    ("de_businessinsider_altman-100m-boni", R, "hat Meta versucht, die Top-Talente von OpenAI mit 100 Millionen Dollar Vertragsprämien anzuwerben", "Sam Altman", "altman", "asserts", [], {}),
    ("de_businessinsider_altman-100m-boni", S, "Das entspricht rund 87 Millionen Euro.", None, None, "asserts", [], {}),
    ("de_businessinsider_altman-100m-boni", R, "sich bisher „keiner unserer besten Leute dazu entschlossen hat, das Angebot anzunehmen“", "Altman", "altman", "asserts", [], {"sp": "Altman sagte, dass sich"}),
    ("de_businessinsider_altman-100m-boni", S, "Meta hat vor kurzem eine Investition von 15 Milliarden Dollar (rund 13 Milliarden Euro) in das Datenunternehmen Scale AI getätigt.", None, None, "asserts", [], {}),
    ("de_businessinsider_altman-100m-boni", R, "Meta versucht habe, seine besten Mitarbeiter mit großzügigen Prämien abzuwerben", "Sam Altman", "altman", "asserts", [], {"sp": "Sam Altman, der CEO"}),
    ("de_businessinsider_altman-100m-boni", R, "die Abwerbeversuche von Mark Zuckerberg seien vergeblich gewesen", "Sam Altman", "altman", "asserts", [], {"sp": "Sam Altman, der CEO"}),
    ("de_businessinsider_altman-100m-boni", S, "Altman sprach in einer am Dienstag ausgestrahlten Folge des Podcasts seines Bruders „Uncapped with Jack Altman“ über die Konkurrenz, die OpenAI durch Meta erfährt.", None, None, "asserts", [], {}),
    ("de_businessinsider_altman-100m-boni", Q, "Ich habe gehört, dass Meta uns als ihren größten Konkurrenten ansieht. Und ich denke, es ist vernünftig, dass sie es weiter versuchen. Ihre derzeitigen KI-Bemühungen haben nicht so gut funktioniert, wie sie gehofft hatten", "Altman", "altman", "asserts", [], {"sp_after": True}),
    ("de_businessinsider_altman-100m-boni", S, "Das entspricht einer Investition von rund 13 Milliarden Euro.", None, None, "asserts", [], {}),
    ("de_businessinsider_altman-100m-boni", S, "Meta lockte angeblich mit 100-Millionen-Boni", None, None, "hedges", [], {}),
    ("de_businessinsider_altman-100m-boni", R, "er es „verrückt“ fand, als Meta versuchte, die Mitarbeiter von OpenAI abzuwerben, indem sie ihnen Ablösen von 100 Millionen Dollar anboten, wenn sie zu Meta wechseln würden", "Altman", "altman", "asserts", [], {"sp": "Aber Altman sagte"}),
    ("de_businessinsider_altman-100m-boni", Q, "Ich bin wirklich froh, dass sich zumindest bisher keiner unserer besten Leute dazu entschlossen hat, darauf einzugehen", "Altman", "altman", "asserts", [], {"sp_after": True}),
    ("de_businessinsider_altman-100m-boni", Q, "Die Leute sehen sich die beiden Optionen an und sagen: ‚Na gut, OpenAI hat eine wirklich gute Chance, eine viel bessere Chance sogar, Superintelligenz zu liefern, und wird vielleicht auch das wertvollere Unternehmen'", "Altman", "altman", "asserts", [], {"sp": "“, sagte Altman.\n„Die Leute"}),

    ("de_qz_chen-memo-einbruch", Q, "Jemand ist in unser Haus eingebrochen und hat etwas gestohlen", "Ein OpenAI-Manager", "chen", "asserts", [], {"sp_after": True}),
    ("de_qz_chen-memo-einbruch", S, "Neue Überläufer zu Mark Zuckerbergs „Superintelligence Lab“ bei Meta führen zu einer dringenden Überarbeitung der Vergütung bei OpenAI.", None, None, "asserts", [], {}),
    ("de_qz_chen-memo-einbruch", S, "Meta hat gerade einen hochkarätigen Coup im KI-Rüstungswettlauf von Silicon Valley gelandet – und OpenAI nimmt es nicht auf die leichte Schulter.", None, None, "asserts", [], {}),
    # one sentence despite the stray "." before "– und" (lower-case continuation)
    ("de_qz_chen-memo-einbruch", S, "In der vergangenen Woche hat Meta vier leitende OpenAI-Forscher rekrutiert um sich seinem neu gegründeten \"Superintelligenz-Labor\" anzuschließen. – und ihre Abgänge (nach früheren Abgängen) veranlassten den OpenAI-Forschungschef Mark Chen, am Wochenende intern Alarm zu schlagen.", None, None, "asserts", [], {}),
    ("de_qz_chen-memo-einbruch", Q, "Ich habe gerade ein viszerales Gefühl, als wäre jemand in unser Haus eingebrochen und hätte etwas gestohlen", "Chen", "chen", "asserts", [], {"sp": "schrieb Chen"}),
    ("de_qz_chen-memo-einbruch", Q, "Bitte vertrauen Sie darauf, dass wir nicht untätig geblieben sind.", "Chen", "chen", "asserts", [], {"sp": "schrieb Chen"}),
    ("de_qz_chen-memo-einbruch", R, "hat CEO Mark Zuckerberg direkt OpenAI-Mitarbeiter mit aggressiven Angeboten angesprochen, darunter Unterzeichnungsboni und Vergütungspakete für das erste Jahr, von denen gemunkelt wird so hoch wie 100 Millionen Dollar", "Berichten", "reports", "hedges",
     [("asserts", "Sam Altman", "altman", "after")], {}),
    ("de_qz_chen-memo-einbruch", R, "die gemunkelten Vergütungszahlen", "Einige mit Meta verbundene Forscher", "meta researchers", "denies", [], {}),
    ("de_qz_chen-memo-einbruch", Q, "Fake News", "Einige mit Meta verbundene Forscher", "meta researchers", "denies", [], {}),
    ("de_qz_chen-memo-einbruch", R, "große Schecks ausgestellt werden", "Meta", "meta", "hedges", [], {"sp": "aber Meta hat nicht bestritten"}),
    ("de_qz_chen-memo-einbruch", S, "Dennoch geht der Nachrichtenkrieg weiter: Altman hat Meta als kurzfristige Vergütungsstrategie gegenüber einer langfristigen Innovationskultur dargestellt.", None, None, "asserts", [], {}),
    ("de_qz_chen-memo-einbruch", R, "solch seltene Talente „einen erheblichen Marktaufschlag verlangen“", "Andrew Bosworth", "bosworth", "confirms", [], {}),
]

ENTRIES = [(e, "en") for e in GOLD_EN] + [(e, "ar") for e in GOLD_AR] + [(e, "fr") for e in GOLD_FR] + [(e, "de") for e in GOLD_DE]

OPEN_MARKS = "\"'“‘«„‚"
CLOSE_MARKS = "\"'”’»“‘"


def _nearest(text: str, needle: str, start: int, end: int) -> int:
    prev = text.rfind(needle, 0, start)
    nxt = text.find(needle, end)
    if prev >= 0 and start - prev <= 400:
        return prev
    if nxt >= 0:
        return nxt
    return prev


def _locate(text: str, needle: str, start: int, end: int, hint, doc: str) -> tuple[int, int]:
    """Span of a speaker / stance-source mention for the claim at [start, end)."""
    if hint == "after":
        s = text.find(needle, end)
    elif isinstance(hint, str):
        hits = [i for i in range(len(text)) if text.startswith(hint, i)]
        if not hits:
            raise SystemExit(f"{doc}: anchor {hint!r} not found")
        a = min(hits, key=lambda i: min(abs(i - start), abs(i - end)))
        s = text.find(needle, a)
        if s < 0 or s + len(needle) > a + len(hint):
            raise SystemExit(f"{doc}: {needle!r} not inside anchor {hint!r}")
    else:
        s = _nearest(text, needle, start, end)
    if s < 0:
        raise SystemExit(f"{doc}: speaker/source {needle!r} not found")
    return s, s + len(needle)


def build(corpus: Path) -> list[dict]:
    files = {p.stem: p for p in sorted(corpus.glob("*/*.txt"))}
    rows = []
    for (doc, kind, content, spk, name, stance, extra, opts), lang in ENTRIES:
        if doc not in files:
            raise SystemExit(f"corpus file {doc}.txt not found under {corpus}")
        if not doc.startswith(lang + "_"):
            raise SystemExit(f"{doc}: lang {lang!r} does not match the file name")
        text = open(files[doc], encoding="utf-8").read()
        nth = opts.get("nth")
        count = text.count(content)
        if count == 0:
            raise SystemExit(f"{doc}: content not found: {content[:60]!r}")
        if nth is None and count > 1:
            raise SystemExit(f"{doc}: content occurs {count} times, give nth: {content[:60]!r}")
        start = -1
        for _ in range((nth or 0) + 1):
            start = text.find(content, start + 1)
        end = start + len(content)
        assert text[start:end] == content
        if content != content.strip():
            raise SystemExit(f"{doc}: content has surrounding whitespace: {content[:60]!r}")
        if kind == Q and not (text[start - 1] in OPEN_MARKS and (text[end] in CLOSE_MARKS or text[end] == ",")):
            raise SystemExit(f"{doc}: quote not inside marks: {content[:60]!r}")
        if kind == S:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            whole_line = text[line_start:line_end].strip(" .-") == content.strip(" .-")
            if not (content[-1] in ".!?" or whole_line):
                raise SystemExit(f"{doc}: statement neither ends a sentence nor fills a line: {content[:60]!r}")
        row = {"doc": doc, "lang": lang, "kind": kind, "text": content, "start": start, "end": end,
               "speaker": None, "stance": stance, "stances": []}
        if spk:
            hint = "after" if opts.get("sp_after") else opts.get("sp")
            s, e = _locate(text, spk, start, end, hint, doc)
            assert text[s:e] == spk
            row["speaker"] = {"text": spk, "start": s, "end": e, "name": name}
        row["stances"].append({"stance": stance, "source": name if spk else None})
        for st, src, src_name, *anchor in extra:
            s, e = _locate(text, src, start, end, anchor[0] if anchor else None, doc)
            assert text[s:e] == src
            row["stances"].append({"stance": st, "source": src_name, "source_span": {"text": src, "start": s, "end": e}})
        rows.append(row)
    rows.sort(key=lambda r: (r["doc"], r["start"]))
    for a, b in zip(rows, rows[1:]):
        if a["doc"] == b["doc"] and b["start"] < a["end"]:
            raise SystemExit(f"{a['doc']}: overlapping claims {a['text'][:40]!r} / {b['text'][:40]!r}")
    return rows


def main(argv: list[str]) -> int:
    corpus = Path(argv[1] if len(argv) > 1 else "../shared/corpus")
    out = Path(argv[2] if len(argv) > 2 else "eval/extraction/corpus.jsonl")
    if not corpus.is_dir():
        print(f"corpus folder {corpus} not found (it lives outside the repository, at ../shared/corpus): nothing built")
        return 2
    rows = build(corpus)
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    by_lang = Counter(r["lang"] for r in rows)
    docs = {lang: len({r["doc"] for r in rows if r["lang"] == lang}) for lang in by_lang}
    print(f"{len(rows)} corpus gold claims -> {out}: "
          + ", ".join(f"{lang} {by_lang[lang]} ({docs[lang]} articles)" for lang in ("en", "ar", "fr", "de")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
