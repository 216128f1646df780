"""Build eval/pairs/{dev,test}.jsonl and eval/findings/seeds.jsonl from the hand-written labels below.

The labels were written by hand after reading the five seed articles; this
script only turns them into records: it finds each verbatim claim text in its
seed file with ``str.find`` (first occurrence; seed 004 repeats its first half,
the first copy is used), computes the offsets, checks
``text[start:end] == claim`` and splits the pairs by topic.

Run from the repository root:  python eval/pairs/build_pairs.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
OUT = Path(__file__).resolve().parent

D0 = "000_978c112ab6d3815d.txt"  # 2024: executives leave OpenAI (Murati), rivals recruit
D1 = "001_2a287f6f6595dccf.txt"  # 2025: OpenAI's week-long shutdown vs Meta poaching
D2 = "002_ac22526983ea9195.txt"  # 2025: Altman criticises Meta's recruiting
D3 = "003_cc3b97634c642159.txt"  # 2025: Chen's memo, Zuckerberg hires OpenAI researchers
D4 = "004_0ab4f2eb18108c33.txt"  # Nov 2023: Altman ousted, joins Microsoft (text repeated twice)

# key -> (doc, verbatim text, optional (speaker name, speaker surface in doc), optional stance)
C: dict[str, tuple] = {
    # --- seed 000 (2024)
    "0_headline": (D0, "يتدفق المستثمرون على OpenAI، لكنها تفقد مسؤولين تنفيذيين رفيعي المستوى بمعدل ينذر بالخطر."),
    "0_open_season_a": (D0, "فجأة، أصبح هذا موسمًا مفتوحًا لموظفي OpenAI."),
    "0_open_season_b": (D0, "فجأة، بدأ يبدو وكأنه موسم مفتوح لموظفي OpenAI."),
    "0_murati": (D0, "في الأسبوع الماضي، أصبحت ميرا موراتي، كبيرة مسؤولي التكنولوجيا، أحدث المنشقين البارزين عن OpenAI."),
    "0_three_founders": (D0, "ويأتي رحيلها بعد ست سنوات بعد استقالة ثلاثة أعضاء من الفريق المؤسس، إيليا سوتسكيفر، الذي كان كبير العلماء، وأندريه كارباثي، وجون شولمان، هذا العام."),
    "0_sutskever_was_chief": (D0, "إيليا سوتسكيفر، الذي كان كبير العلماء"),
    "0_brockman_leave": (D0, "المؤسس المشارك الرابع والرئيس، جريج بروكمان، سيأخذ إجازة حتى نهاية العام."),
    "0_klein_linkedin": (D0, "قال مسؤول التوظيف التكنولوجي Alex Klein إنه لاحظ أن المزيد من موظفي OpenAI يقومون بتشغيل لافتة Open to Work على LinkedIn", ("klein", "Alex Klein")),
    "0_miller_coup": (D0, "إن شركته حظيت باهتمام أكبر من الموظفين الحاليين منذ الانقلاب الفاشل لمجلس الإدارة", ("miller", "دان ميلر")),
    "0_tolley": (D0, "لديّ صديقان يعملان في OpenAI. لقد تواصلوا معي وسألوني: “كيف يمكنني الانضمام إلى Anthropic؟”", ("tolley", "تيم تولي")),
    "0_six_recruiters": (D0, "أخبر ستة من مسؤولي التوظيف والمستثمرين في مجال التكنولوجيا Business Insider أن الصراعات شبه المستمرة على السلطة في الشركة وعمليات التطهير والنقاش الفلسفي العنيف بين العمال حول أفضل السبل لتطوير الذكاء الاصطناعي تجعل من السهل على الشركات الناشئة الأخرى الانقضاض على الموظفين الفنيين وتوظيفهم."),
    "0_six_years": (D0, "ويأتي رحيلها بعد ست سنوات"),
    "0_brain_drain": (D0, "قد يعني التدفق الأخير للمواهب من OpenAI أن هجرة الأدمغة قد بدأت للتو."),
    "0_klein_lost": (D0, "الأشخاص الذين فقدوهم لم يكونوا مجرد زملاء، بل كانوا الأشخاص الذين كانوا يبنون هذا الشيء اللعين", ("klein", "كلاين")),
    "0_lead_google": (D0, "قد تؤدي هجرة القادة التقنيين إلى زعزعة الناس قناعات حول قدرة الشركة على الحفاظ تفوقها على المنافسين مثل Google و Anthropic."),
    "0_nonprofit_shift": (D0, "وقد تسبب التحول نحو كسب المال في حدوث احتكاك بين العمال الذين يتساءلون عما إذا كان نقل التكنولوجيا إلى السوق أمراً أخلاقياً نظراً لاحتمال إساءة الاستخدام."),
    "0_nonprofit_launch": (D0, "عندما تم إطلاق OpenAI كمنظمة بحثية غير ربحية"),
    "0_anthropic_hires": (D0, "هذا العام، قامت بتعيين مدير السلامة السابق في OpenAI، جان ليك؛ شولمان، المؤسس المشارك والمهندس الرئيسي لشركة ChatGPT؛ ودورك كينجما، مؤسس مشارك آخر."),
    "0_mission_startups": (D0, "يهرب بعض هؤلاء الموظفين إلى الشركات الناشئة التي يشعرون أنها أكثر توافقًا مع معتقداتهم."),
    "0_kingma": (D0, "إن نهج Anthropic في تطوير الذكاء الاصطناعي يتوافق بشكل كبير مع معتقداتي الخاصة", ("kingma", "Kingma")),
    "0_pay_above": (D0, "وفيما يتعلق بالرواتب، تستمر OpenAI في الدفع أعلى من سعر السوق."),
    "0_money_startups": (D0, "قال القائمون على التوظيف والمستثمرون إن الموظفين يمكنهم جني أموال أكثر بكثير في شركة ناشئة أصغر عن طريق بيع أسهمهم في الخروج."),
    "0_jain_shortage": (D0, "وأضاف جاين أن العمال الخبراء في نماذج اللغات الكبيرة ما زالوا يعانون من نقص في المعروض.", ("jain", "جاين")),
    "0_jain_demand": (D0, "هناك طلب أكبر، وعدد أكبر من الشركات الناشئة مقارنة بالناس، خاصة في منطقة الخليج حيث نقوم بالتوظيف", ("jain", "جاين")),
    "0_perplexity": (D0, "قامت شركة البحث الناشئة Perplexity بزيادة قوتها العاملة بأكثر من الضعف إلى ما يزيد قليلاً عن مائة شخص هذا العام"),
    # --- seed 001 (2025)
    "1_headline": (D1, "شركة OpenAI تُجبر على إيقاف تشغيلها لمدة أسبوع لمواجهة هجوم Meta العدواني على المواهب"),
    "1_eight": (D1, "خسارة ما لا يقل عن ثمانية باحثين في فريق \"الذكاء الفائق\" الذي تم تشكيله حديثًا في ميتا"),
    "1_week_all": (D1, "فرضت شركة OpenAI إجازة لمدة أسبوع كامل على جميع الموظفين."),
    "1_recharge": (D1, "ورغم اعتبار هذه الاستراحة فرصة لإعادة شحن الطاقة"),
    "1_strategic": (D1, "تشير المصادر إلى أنها بمثابة خطوة استراتيجية لإبطاء زخم التوظيف في ميتا من خلال تعطيل قدرتها على الضغط على الموظفين خلال اللحظات الحرجة."),
    "1_offers_headline": (D1, "عروض Meta البالغة 100 مليون دولار تثير الذعر في قيادة OpenAI"),
    "1_100m": (D1, "تشير التقارير إلى أنه تم عرض مكافآت التوقيع وحزم تعويضات السنة الأولى بقيمة 100 مليون دولار على بعض موظفي OpenAI"),
    "1_confirmed": (D1, "وهو ادعاء أكده المطلعون في OpenAI"),
    "1_disputed": (D1, "ولكن تم التشكيك فيه من قبل مصادر Meta"),
    "1_zuck_personal": (D1, "لقد أدى التدخل الشخصي لمارك زوكربيرج في جهود التوظيف إلى تضخيم الضغوط"),
    "1_chen_role": (D1, "مارك تشين، كبير مسؤولي الأبحاث في OpenAI"),
    "1_quote": (D1, "أشعر بشعور غريب الآن، كما لو أن أحدهم اقتحم منزلنا وسرق شيئًا ما.", ("chen", "مارك تشين")),
    "1_around_clock": (D1, "وأكد تشين للموظفين أنه والرئيس التنفيذي سام ألتمان \"يعملان على مدار الساعة\" للاحتفاظ بالمواهب، وإعادة معايرة الأجور، والسعي إلى حوافز جديدة لمنع الباحثين من القفز من السفينة.", ("chen", "تشين")),
    "1_seven": (D1, "أرسل سبعة رؤساء أبحاث آخرين في OpenAI رسائل شخصية إلى فرقهم يحثون فيها على توخي الحذر."),
    "1_tell_back": (D1, "نصح أحد القادة الموظفين بـ \"إخبار [مسؤولي التوظيف في ميتا] بالتراجع\" إذا واجهوا \"عروضًا مبالغًا فيها بشكل سخيف\" أو شعروا بالضغط لاتخاذ قرارات سريعة."),
    "1_exploit": (D1, "وحذر آخر من أن ميتا \"ستستغل\" أسبوع إغلاق الشركة لتسريع جهود التوظيف وعزل الموظفين"),
    "1_80h": (D1, "وتشير التقارير إلى أن الموظفين يعملون لمدة 80 ساعة في الأسبوع"),
    "1_morale": (D1, "وأن الرحيل المفاجئ للموظفين هز معنوياتهم بشكل واضح."),
    "1_exec_excluded": (D1, "يسلط الإغلاق الذي استمر لمدة أسبوع في شركة OpenAI، والذي يستثني المديرين التنفيذيين"),
    "1_planned": (D1, "لقد خُطط لهذا منذ فترة طويلة."),
    "1_side_quest": (D1, "ومن المهم أن نتذكر أن المناوشات مع ميتا هي مهمة جانبية.", ("chen", "تشين")),
    "1_real_prize": (D1, "مشيرة إلى الحاجة إلى التركيز على \"الجائزة الحقيقية\" المتمثلة في تطوير الذكاء الاصطناعي العام بدلاً من الانشغال بـ \"المناوشات مع ميتا\"."),
    "1_leadership_fair": (D1, "تصر قيادة شركة OpenAI على أنها تتصرف بشكل عادل واستراتيجي"),
    "1_altman_return": (D1, "بما في ذلك الخروج والعودة الدراماتيكية للرئيس التنفيذي سام ألتمان"),
    "1_meta_incentives": (D1, "فإن الحوافز المالية السخية التي تقدمها Meta تختبر الآن هذا الولاء."),
    # --- seed 002 (2025)
    "2_abusive": (D2, "أرسل ألتمان رسالة إلى موظفي OpenAI، انتقد فيها أساليب Meta، واصفًا إياها بـ”المُسيئة” ومحذرًا من أنها قد تُؤدي إلى “مشاكل ثقافية عميقة للغاية”", ("altman", "ألتمان"), "asserts"),
    "2_altman_ceo": (D2, "انتقاد الرئيس التنفيذي لشركة OpenAI، سام ألتمان، سياسة توظيف باحثي الذكاء الاصطناعي من شركته من قبل Meta"),
    "2_msl": (D2, "أطلقت Meta فريقها الجديد للذكاء الفائق، Meta Superintelligence Labs (MSL)، بقيادة ألكسندر وانغ، مؤسس Scale AI، ونات فريدمان، الرئيس التنفيذي السابق لشركة GitHub"),
    "2_eleven": (D2, "قامت Meta بتوظيف ما لا يقل عن 11 باحثًا كبيرًا في مجال الذكاء الاصطناعي من شركات معروفة مثل OpenAI وAnthropic."),
    "2_names": (D2, "من بين المغادرين من OpenAI شينغجيا تشاو، وشوتشاو بي، وجياهوي يو، وهونغيو رين"),
    "2_quote": (D2, "أشار مارك تشين، كبير مسؤولي الأبحاث في OpenAI، إلى أن المغادرين بدوا كما لو أن “شخصًا ما اقتحم منزلنا وسرق شيئًا ما”", ("chen", "مارك تشين")),
    "2_chen_role": (D2, "مارك تشين، كبير مسؤولي الأبحاث في OpenAI"),
    "2_downplay": (D2, "قلّل ألتمان من أهمية هذه الخسائر في مذكرته", ("altman", "ألتمان")),
    "2_not_top": (D2, "لقد استقطبت ميتا بعض الأشخاص الرائعين بالتأكيد، لكن إجمالاً، يصعب المبالغة في مدى عدم استقطابهم لأفضل موظفيها واضطرارهم إلى التنازل عن مناصبهم إلى حد كبير", ("altman", "ألتمان"), "denies"),
    "2_unsavory": (D2, "ميتا تتصرف بطريقة تبدو غير مستساغة إلى حد ما", ("altman", "ألتمان")),
    "2_300m": (D2, "تضمنت عروض ميتا حزم تعويضات تصل إلى 300 مليون دولار على مدى أربع سنوات"),
    "2_ten_over_100m": (D2, "تم التواصل مع ما لا يقل عن 10 باحثين في OpenAI بعروض في السنة الأولى تتجاوز 100 مليون دولار"),
    "2_stock": (D2, "ذكرت مجلة Wired أن هذه العروض غالبًا ما تضمنت خيارات أسهم تُستحق فورًا"),
    "2_exaggerated": (D2, "أقرّ أحد باحثي OpenAI بأن حجم العروض “مغرٍ”، إلا أنه زعم أيضًا أن الأرقام مبالغ فيها", None, "disputes"),
    "2_bosworth_cto": (D2, "أندرو بوسورث، المدير التقني في Meta"),
    "2_few_100m": (D2, "وأشار إلى أن عددًا قليلاً فقط من المناصب القيادية شهد عروضًا في نطاق 100 مليون دولار", ("bosworth", "أندرو بوسورث")),
    "2_not_bonus": (D2, "إنها ليست مكافأة توقيع – إنها كل هذه الأشياء المختلفة", ("bosworth", "أندرو بوسورث"), "denies"),
    "2_meta_pay": (D2, "أعلنت Meta أنها ستعدل رواتب موظفيها وتكافئهم"),
    "2_missionaries": (D2, "المبشرون سيتغلبون على المرتزقة", ("altman", "ألتمان")),
    "2_flavor": (D2, "بعد فترة طويلة من انتقال Meta إلى نكهتها الجديدة لهذا الأسبوع، سنكون هنا، يومًا بعد يوم، عامًا بعد عام", ("altman", "ألتمان")),
    "2_succeeding": (D2, "اتهم بوسورث ألتمان بالمبالغة في الموقف، قائلًا: “نحن ننجح في استقطاب المواهب من OpenAI”", ("bosworth", "بوسورث"), "disputes"),
    "2_msl_agi": (D2, "أكد في المذكرة أن شركة MSL المُشكّلة حديثًا ستركز على تطوير الذكاء الاصطناعي العام", ("zuckerberg", "مارك زوكربيرج")),
    "2_behind": (D2, "وهو مجالٌ تأخّرت فيه حتى الآن عن OpenAI وجوجل"),
    "2_ex_meta": (D2, "وقد أيد العديد من موظفي OpenAI الذين عملوا سابقًا في Meta رأي ألتمان عبر Slack"),
    # --- seed 003 (2025)
    "3_headline": (D3, "زوكربيرغ يضم كبار باحثي OpenAI"),
    "3_continues": (D3, "بينما يواصل مارك زوكربيرغ استقطاب كبار الباحثين إلى Meta"),
    "3_comp_policy": (D3, "أبدى مسؤولو OpenAI قلقهم من النزيف الوظيفي وأعلنوا إعادة النظر في سياسة التعويضات"),
    "3_chen_role": (D3, "مارك تشين، الرئيس التنفيذي للأبحاث في OpenAI"),
    "3_memo_saturday": (D3, "وبعث مارك تشين، الرئيس التنفيذي للأبحاث في OpenAI، مذكرة حادة إلى الموظفين يوم السبت"),
    "3_four": (D3, "بعد أيام من نجاح زوكربيرغ في ضم أربعة باحثين بارزين من OpenAI إلى مختبره الجديد للذكاء الخارق في Meta."),
    "3_quote": (D3, "أشعر وكأن أحدهم اقتحم منزلنا وسرق شيئًا غاليًا… أرجو أن تثقوا أننا لم نقف مكتوفي الأيدي", ("chen", "تشين")),
    "3_around_clock": (D3, "وأضاف أنه يعمل جنبًا إلى جنب مع سام ألتمان، الرئيس التنفيذي لـOpenAI، وباقي القيادات على مدار الساعة للتواصل مع من تلقوا عروضًا وظيفية"),
    "3_recalibrate": (D3, "ويعملون على إعادة ضبط حزم التعويضات، والتفكير في وسائل مبتكرة للاحتفاظ بالمواهب"),
    "3_fairness": (D3, "سأقاتل للاحتفاظ بكل واحد منكم، لكن دون أن يكون ذلك على حساب العدالة تجاه الآخرين", ("chen", "تشين")),
    "3_100m": (D3, "وأفاد ألتمان، في بودكاست مع شقيقه، بأن زوكربيرغ قدم مكافآت توقيع تصل إلى 100 مليون دولار لبعض موظفي OpenAI.", ("altman", "ألتمان"), "asserts"),
    "3_confirmed": (D3, "وقد أكدت مصادر مطلعة في الشركة هذا الرقم", None, "confirms"),
    "3_wsj": (D3, "أفادت صحيفة \"وول ستريت جورنال\" بأن زوكربيرغ يتواصل شخصيًا مع المرشحين المحتملين."),
    "3_unsuccessful": (D3, "وقد سعت مرارًا (وغالبًا بلا نجاح) لاستقطاب أفضل كفاءاتنا بعروض تركّز على التعويضات", ("chen", "تشين")),
    "3_meta_source": (D3, "وأكد مصدر مقرّب من Meta أن الشركة كثّفت من جهود التوظيف البحثي، مستهدفة بالأساس باحثين من OpenAI وGoogle."),
    "3_anthropic_fit": (D3, "أما شركة Anthropic المنافسة، فلا يُنظر إليها كخيار ثقافي مناسب لـMeta"),
    "3_seven": (D3, "تضمنت مذكرة تشين أيضًا رسائل من سبعة باحثين كبار بالشركة، عبّروا فيها عن دعمهم للموظفين"),
    "3_tell_back": (D3, "إذا ضغطوا عليكم أو قدموا عروضًا تنتهي بسرعة، فقط أخبروهم بالتراجع."),
    "3_80h": (D3, "حيث يعمل الكثيرون ساعات تمتد إلى 80 ساعة أسبوعيًا"),
    "3_shutdown": (D3, "تخطط الشركة لإغلاق أبوابها مؤقتًا الأسبوع المقبل لإتاحة وقت للراحة، لكن المديرين التنفيذيين سيواصلون العمل."),
    "3_exploit": (D3, "Meta تدرك أننا نأخذ هذا الأسبوع للراحة، وتحاول استغلال ذلك للضغط عليكم لاتخاذ قرارات سريعة ومنعزلة"),
    "3_prize": (D3, "علينا التركيز على الجائزة الحقيقية: تحويل قوة الحوسبة (مع اقتراب تشغيل المزيد من الحواسيب العملاقة هذا العام) إلى ذكاء… أما التنافس مع Meta فهو مجرد مهمة فرعية", ("chen", "تشين")),
    "3_available": (D3, "سأكون متاحًا هذا الأسبوع – بكامل طاقتي، تواصلوا معي في أي وقت"),
    "3_one_month": (D3, "تحاول بقوة منذ شهر توسيع جهودها في مجال الذكاء الاصطناعي"),
    "3_altman_praise": (D3, "من الرائع حقًا مشاهدة قيادة مارك ونزاهته خلال هذه المرحلة", ("altman", "سام ألتمان")),
    # --- seed 004 (November 2023)
    "4_joined_ms": (D4, "في 20 نوفمبر ، أخبر الرئيس التنفيذي لشركة Microsoft ساتيا ناديلا العالم أخيرا أن الرئيس التنفيذي سام ألتمان ، الذي أطاح به مجلس إدارة OpenAI ، وجريج بروكمان ، رئيس مجلس الإدارة والرئيس الذي استقال نتيجة لذلك ، انضموا إلى مايكروسوفت."),
    "4_shear": (D4, "وجدت OpenAI أيضا رئيسا تنفيذيا مؤقتا لنفسها - Emmett Shear ، المؤسس المشارك لموقع بث الفيديو Twitch."),
    "4_fired_17": (D4, "منذ طرد سام ألتمان من الشركة من قبل مجلس الإدارة في 17 نوفمبر"),
    "4_negotiating": (D4, "ظهرت الأخبار التي تفيد بأن \"مجلس الإدارة يتفاوض على عودة سام ألتمان\""),
    "4_lead_ms_team": (D4, "يمكن ملاحظة أن ألتمان ، الذي سيقود فريق الذكاء الاصطناعي الجديد في Microsoft ، سيستمر في الجلوس على طاولة المؤتمر ، لكنه سيمثل Microsoft في المستقبل."),
    "4_biggest_winner": (D4, "مرة أخرى ، أصبحت Microsoft \"الفائز الأكبر\""),
    "4_dozens": (D4, "قالت المصادر إن العشرات من الموظفين الداخليين في OpenAI أعلنوا استقالاتهم."),
    "4_dozens_b": (D4, "كانت هناك أخبار تفيد بأن \"العشرات من الموظفين الداخليين في OpenAI أعلنوا أنهم سيستقيلون\""),
    "4_murati_interim": (D4, "ميرا موراتي ، CTO في OpenAI ، التي تولت منصب الرئيس التنفيذي المؤقت بعد أن أطاح مجلس الإدارة ب Altman ، ولكن لمدة تقل عن ثلاثة أيام فقط."),
    "4_brockman_quit": (D4, "أولا ، كان جريج بروكمان ، المؤسس المشارك ورئيس OpenAI ، أول من استقال علنا بعد إقالته من منصب رئيس مجلس الإدارة في 17 نوفمبر"),
    "4_sutskever_fired": (D4, "لقد \"صدم\" هو وألتمان عندما طردهما عضو مجلس الإدارة ليا سوتسكيفر في اجتماع عبر الإنترنت."),
    "4_three_quit": (D4, "استقال جاكوب باتشوكي ، مدير الأبحاث في OpenAI ، وألكسندر مادري ، رئيس فريق المخاطر الذكاء الاصطناعي ، وسزيمون سيدور ، الباحث لمدة سبع سنوات."),
    "4_seven_years": (D4, "وسزيمون سيدور ، الباحث لمدة سبع سنوات"),
    "4_pachocki_2017": (D4, "حيث عمل في OpenAI منذ عام 2017"),
    "4_investors_demand": (D4, "طالب المستثمرون ، بما في ذلك Microsoft و Thrive Capital و Tiger Global Management ، بأن تلغي OpenAI قرار الفصل."),
    "4_ms_13b": (D4, "أكبر مستثمر وشريك لشركة OpenAI هو Microsoft ، عملاق الإنترنت الذي استثمر ما يصل إلى 13 مليار دولار وموارد مختلفة ، ويمتلك حصة 49٪ في OpenAI Global LLc"),
    "4_thrive": (D4, "قالت ثرايف كابيتال إن رحيل ألتمان سيكون له تأثير على عرض المناقصة."),
    "4_loopt": (D4, "وجمع خمس جولات من التمويل بلغ مجموعها 39.1 مليون دولار على مدى أربع سنوات."),
    "4_capped_2019": (D4, "قررت OpenAI التحول من منظمة غير ربحية إلى شركة \"ربحية رأسية\" في عام 2019"),
    "4_ms_1b": (D4, "تلقت OpenAI استثمار Microsoft الأولي بقيمة 1 مليار دولار"),
    "4_chatgpt_100m": (D4, "حتى الآن ، لا يزال عدد المستخدمين النشطين شهريا 100 مليون."),
    "4_86b": (D4, "فقد تقدر قيمة OpenAI بمبلغ 86 مليار دولار ، ارتفاعا من أقل من 30 مليار دولار سابقا."),
    "4_tripled": (D4, "هذا يعني أنه في أقل من عام ، تضاعف تقييم الشركة بأكثر من ثلاثة أضعاف."),
    "4_chief_scientist": (D4, "وكبير العلماء IIya"),
    "4_board_3": (D4, "هناك 3 أعضاء في مجلس الإدارة لديهم سلطة صنع القرار النهائي على استراتيجية وعمليات OpenAI."),
    "4_no_shares": (D4, "لا يمتلك أي عضو تقريبا في مجلس إدارة OpenAI أسهما في الشركة."),
    "4_no_control": (D4, "لا يملك ألتمان في الواقع أي سيطرة على الشركة على الإطلاق"),
    "4_ms_not_board": (D4, "فإن Microsoft ، أكبر مساهم في OpenAI ، ليست مدرجة في قائمة مجلس الإدارة."),
    "4_distrust": (D4, "مجلس الإدارة لا يثق في ألتمان."),
    "4_not_safety": (D4, "لتوضيح أن الخلاف بين Altman ومجلس الإدارة لا علاقة له بالأمن الذكاء الاصطناعي والتسويق والطرق الأخرى."),
    "4_shear_safety": (D4, "كما أكد أن \"مجلس الإدارة\" لم يقم \"بإقالة سام بسبب أي خلافات أمنية محددة\"", ("shear", "شير"), "denies"),
    "4_30_days": (D4, "وأسباب ترحيل ألتمان في الأيام ال 30 المقبلة من خلال تعيين محقق مستقل."),
    "4_ilya_regret": (D4, "\"يؤسفني بشدة مشاركتي في مجلس الإدارة. لم أرغب أبدا في إيذاء OpenAI."),
    "4_nothing_without": (D4, "\"OpenAI لا شيء بدون موظفين."),
    "4_week_users": (D4, "تم إطلاق ChatGPT ، وتدفق ملايين المستخدمين في غضون أسبوع."),
}

# English claims written by hand (crosslingual pairs); doc is null.
E: dict[str, str] = {
    "en_bonus": "Zuckerberg offered some OpenAI employees signing bonuses of up to $100 million.",
    "en_not_bonus": "Meta's CTO said the $100 million offers were not signing bonuses.",
    "en_eight": "Meta hired at least eight OpenAI researchers for its new superintelligence team.",
    "en_two": "Meta hired only two researchers from OpenAI.",
    "en_rest_week": "OpenAI is closing for a week to give its staff a rest.",
    "en_80h": "Many OpenAI employees work around 80 hours a week.",
    "en_40h": "OpenAI employees work about 40 hours a week.",
    "en_quote": "Mark Chen said it felt as if someone had broken into their home and stolen something.",
    "en_failed_top": "Sam Altman said Meta had failed to hire OpenAI's best people.",
    "en_got_top": "Meta has successfully hired many of OpenAI's top researchers.",
    "en_sources": "A source close to Meta said it is recruiting mainly from OpenAI and Google.",
    "en_49": "Microsoft owns a 49% stake in OpenAI Global LLC.",
    "en_50b": "Microsoft has invested $50 billion in OpenAI.",
    "en_murati_left": "Mira Murati has left OpenAI.",
    "en_safety": "The board fired Sam Altman over a specific disagreement about AI safety.",
    "en_perplexity_100": "Perplexity now has a little more than one hundred employees.",
    "en_perplexity_1000": "Perplexity has about 1,000 employees.",
    "en_weather": "The weather in Riyadh will be hot this week.",
    "en_shear": "Emmett Shear, a co-founder of Twitch, became OpenAI's interim CEO.",
    "en_seven": "Seven senior OpenAI researchers sent messages supporting their staff.",
    "en_criticised": "Altman criticised Meta's recruiting tactics.",
    "en_praised": "Altman praised Meta's recruiting tactics.",
    "en_ilya": "Ilya Sutskever said he deeply regrets his participation in the board's actions.",
    "en_86b": "Thrive Capital's tender offer could value OpenAI at $86 billion.",
    "en_100m_offer": "Meta offered some OpenAI staff $100 million.",
    "en_bosworth": "Andrew Bosworth is Meta's chief technology officer.",
    "en_altman_returned": "Sam Altman returned as CEO of OpenAI.",
    "en_week_users": "ChatGPT attracted millions of users within a week of its launch.",
}

# (a, b, label, tags, topic, note)
P = [
    # T bonus: the $100M signing bonus
    ("3_100m", "2_not_bonus", "contradict", "numeric stance quote", "bonus", "Altman: signing bonuses up to $100M; Bosworth: it's not a signing bonus"),
    ("1_100m", "2_not_bonus", "contradict", "numeric stance", "bonus", "signing bonuses of $100M vs Meta CTO: not a signing bonus"),
    ("1_100m", "3_100m", "agree", "numeric", "bonus", "both report $100M signing bonuses to some OpenAI staff"),
    ("1_confirmed", "3_confirmed", "agree", "stance", "bonus", "OpenAI insiders confirmed the figure"),
    ("1_disputed", "3_confirmed", "neutral", "stance hard", "bonus", "disputed by Meta sources and confirmed by company insiders can both hold"),
    ("2_ten_over_100m", "2_few_100m", "contradict", "numeric stance hard", "bonus", "at least 10 researchers got >$100M first-year offers vs only a few leadership roles saw ~$100M"),
    ("3_100m", "2_ten_over_100m", "neutral", "numeric hard", "bonus", "bonus up to $100M vs first-year offers above $100M: compatible, neither implies the other"),
    ("3_100m", "2_exaggerated", "contradict", "numeric stance hard", "bonus", "a researcher says the numbers are exaggerated"),
    ("2_300m", "1_100m", "neutral", "numeric hard", "bonus", "$300M over four years and $100M first year are compatible"),
    ("1_offers_headline", "2_few_100m", "neutral", "numeric hard", "bonus", "$100M offers panic OpenAI vs only a few roles saw them: compatible"),
    ("en_bonus", "2_not_bonus", "contradict", "numeric stance crosslingual", "bonus", ""),
    ("en_not_bonus", "3_100m", "contradict", "numeric stance crosslingual", "bonus", ""),
    ("en_bonus", "1_100m", "agree", "numeric crosslingual", "bonus", ""),
    ("en_bonus", "3_100m", "agree", "numeric crosslingual", "bonus", ""),
    ("en_not_bonus", "2_not_bonus", "agree", "stance quote crosslingual", "bonus", ""),
    ("2_stock", "2_not_bonus", "neutral", "hard", "bonus", "immediately vesting stock vs 'not a signing bonus, all these different things': compatible"),
    # T top people: did Meta get OpenAI's top people
    ("2_not_top", "2_succeeding", "contradict", "stance quote", "top", "Altman: they didn't get our top people; Bosworth: we're succeeding in recruiting OpenAI talent"),
    ("3_unsuccessful", "2_succeeding", "contradict", "stance quote", "top", "Chen: often unsuccessfully vs Bosworth: succeeding"),
    ("3_headline", "2_not_top", "contradict", "stance", "top", "Zuckerberg recruits OpenAI's top researchers vs didn't get the best"),
    ("3_continues", "2_not_top", "contradict", "stance hard", "top", "keeps pulling top researchers vs failed to get the top people"),
    ("3_unsuccessful", "2_not_top", "agree", "stance quote", "top", "OpenAI side: Meta did not get the best people"),
    ("3_four", "2_not_top", "neutral", "hard", "top", "four prominent researchers is compatible with 'got some great people'"),
    ("3_headline", "3_continues", "agree", "", "top", ""),
    ("3_headline", "2_succeeding", "agree", "stance", "top", ""),
    ("2_downplay", "2_not_top", "agree", "", "top", "Altman downplays losses"),
    ("en_failed_top", "2_not_top", "agree", "crosslingual stance", "top", ""),
    ("en_got_top", "2_not_top", "contradict", "crosslingual stance", "top", ""),
    ("en_failed_top", "2_succeeding", "contradict", "crosslingual stance", "top", ""),
    ("en_got_top", "3_headline", "agree", "crosslingual", "top", ""),
    # T quote: Mark Chen's quote and role
    ("1_quote", "2_quote", "agree", "quote", "quote", ""),
    ("1_quote", "3_quote", "agree", "quote", "quote", ""),
    ("2_quote", "3_quote", "agree", "quote", "quote", ""),
    ("en_quote", "1_quote", "agree", "quote crosslingual", "quote", ""),
    ("en_quote", "3_quote", "agree", "quote crosslingual", "quote", ""),
    ("1_chen_role", "3_chen_role", "agree", "", "quote", "chief research officer in two wordings"),
    ("2_chen_role", "3_memo_saturday", "agree", "hard", "quote", ""),
    # T counts: researchers hired
    ("1_eight", "3_four", "contradict", "numeric hard temporal", "counts", "at least eight vs four (reported days apart)"),
    ("2_eleven", "1_eight", "neutral", "numeric hard", "counts", "11 from several companies is compatible with 8 from OpenAI"),
    ("2_eleven", "3_four", "neutral", "numeric hard", "counts", "11 from several companies vs four from OpenAI"),
    ("2_names", "3_four", "agree", "numeric hard", "counts", "four named departures vs four researchers"),
    ("2_ten_over_100m", "1_eight", "neutral", "numeric hard", "counts", "10 approached vs 8 lost: different things"),
    ("en_eight", "1_eight", "agree", "numeric crosslingual", "counts", ""),
    ("en_two", "3_four", "contradict", "numeric crosslingual", "counts", ""),
    ("en_eight", "2_names", "neutral", "numeric crosslingual hard", "counts", "'among those who left' names four: not a count"),
    # T shutdown: the week off
    ("1_week_all", "3_shutdown", "contradict", "negation hard", "shutdown", "week off for all employees vs executives keep working"),
    ("1_exec_excluded", "3_shutdown", "agree", "temporal", "shutdown", "week-long shutdown that excludes executives"),
    ("1_headline", "1_planned", "contradict", "hard quote", "shutdown", "forced to shut down to face Meta vs planned long ago"),
    ("1_strategic", "1_planned", "contradict", "hard", "shutdown", "strategic move against Meta vs planned long ago"),
    ("1_recharge", "3_shutdown", "agree", "", "shutdown", "a rest"),
    ("3_shutdown", "1_headline", "neutral", "hard", "shutdown", "rest vs response to Meta: both reasons can hold"),
    ("1_exploit", "3_exploit", "agree", "quote", "shutdown", "Meta will exploit the week off"),
    ("en_rest_week", "3_shutdown", "agree", "crosslingual", "shutdown", ""),
    ("en_rest_week", "1_week_all", "agree", "crosslingual", "shutdown", ""),
    # T memo: what the memo and leaders said
    ("1_seven", "3_seven", "agree", "numeric", "memo", "seven research leaders' messages"),
    ("1_tell_back", "3_tell_back", "agree", "quote", "memo", ""),
    ("1_side_quest", "3_prize", "agree", "quote", "memo", ""),
    ("1_real_prize", "3_prize", "agree", "quote", "memo", ""),
    ("1_80h", "3_80h", "agree", "numeric", "memo", ""),
    ("1_around_clock", "3_around_clock", "agree", "quote", "memo", ""),
    ("1_around_clock", "3_recalibrate", "agree", "", "memo", "recalibrating pay"),
    ("3_comp_policy", "1_around_clock", "agree", "hard", "memo", "reconsidering compensation"),
    ("2_meta_pay", "3_comp_policy", "neutral", "hard", "memo", "Meta adjusting its own pay vs OpenAI revisiting compensation"),
    ("3_fairness", "1_leadership_fair", "agree", "hard", "memo", ""),
    ("en_80h", "1_80h", "agree", "numeric crosslingual", "memo", ""),
    ("en_40h", "3_80h", "contradict", "numeric crosslingual", "memo", ""),
    ("en_seven", "1_seven", "agree", "numeric crosslingual", "memo", ""),
    ("3_available", "3_fairness", "neutral", "", "memo", "same memo, different points"),
    # T criticism: Altman on Meta
    ("2_abusive", "2_unsavory", "agree", "stance", "criticism", ""),
    ("2_missionaries", "2_flavor", "agree", "hard", "criticism", "OpenAI will outlast Meta"),
    ("2_missionaries", "3_altman_praise", "neutral", "", "criticism", "same speaker, different points"),
    ("en_criticised", "2_abusive", "agree", "crosslingual", "criticism", ""),
    ("en_praised", "2_abusive", "contradict", "crosslingual negation", "criticism", ""),
    ("2_ex_meta", "2_missionaries", "neutral", "", "criticism", ""),
    ("1_meta_incentives", "2_missionaries", "neutral", "hard", "criticism", ""),
    # T recruiting: how Meta recruits
    ("1_zuck_personal", "3_wsj", "agree", "", "recruiting", "Zuckerberg's personal involvement"),
    ("3_meta_source", "2_eleven", "neutral", "hard", "recruiting", "targets OpenAI and Google vs hired from OpenAI and Anthropic"),
    ("3_anthropic_fit", "2_eleven", "neutral", "hard", "recruiting", "Anthropic not a cultural fit vs hired from Anthropic (not exclusive)"),
    ("en_sources", "3_meta_source", "agree", "crosslingual", "recruiting", ""),
    ("2_msl_agi", "2_behind", "neutral", "", "recruiting", ""),
    ("2_msl", "3_four", "neutral", "", "recruiting", ""),
    # T ouster: Altman in November 2023 vs later articles
    ("4_joined_ms", "1_altman_return", "contradict", "temporal", "ouster", "joined Microsoft (Nov 2023) vs returned as CEO (later)"),
    ("4_lead_ms_team", "2_altman_ceo", "contradict", "temporal hard", "ouster", "will lead Microsoft's AI team vs CEO of OpenAI (2025)"),
    ("4_lead_ms_team", "en_altman_returned", "contradict", "temporal crosslingual", "ouster", ""),
    ("0_miller_coup", "4_joined_ms", "contradict", "temporal hard", "ouster", "'failed board coup' vs ousted CEO joined Microsoft"),
    ("4_fired_17", "4_joined_ms", "agree", "temporal", "ouster", ""),
    ("4_negotiating", "4_joined_ms", "neutral", "temporal hard", "ouster", "negotiating a return on 18 Nov, joined Microsoft on 20 Nov"),
    ("4_shear", "en_shear", "agree", "crosslingual", "ouster", ""),
    ("4_dozens", "4_dozens_b", "agree", "", "ouster", ""),
    ("4_biggest_winner", "4_lead_ms_team", "neutral", "", "ouster", ""),
    # T people: Murati, Brockman, Sutskever over time
    ("4_murati_interim", "0_murati", "contradict", "temporal", "people", "CTO at OpenAI (2023) vs left OpenAI (2024)"),
    ("en_murati_left", "4_murati_interim", "contradict", "temporal crosslingual", "people", ""),
    ("en_murati_left", "0_murati", "agree", "crosslingual", "people", ""),
    ("4_brockman_quit", "0_brockman_leave", "contradict", "temporal hard", "people", "resigned (2023) vs co-founder and president taking leave (2024)"),
    ("0_sutskever_was_chief", "4_chief_scientist", "agree", "temporal", "people", ""),
    ("4_sutskever_fired", "0_three_founders", "neutral", "temporal", "people", "led the firing (2023) and resigned (2024)"),
    ("4_ilya_regret", "en_ilya", "agree", "crosslingual quote", "people", ""),
    ("0_anthropic_hires", "0_three_founders", "agree", "", "people", "Schulman left OpenAI and joined Anthropic"),
    # T board: governance in 2023
    ("4_shear_safety", "4_not_safety", "agree", "negation", "board", ""),
    ("4_shear_safety", "en_safety", "contradict", "negation crosslingual", "board", ""),
    ("4_no_shares", "4_no_control", "neutral", "", "board", ""),
    ("4_distrust", "4_not_safety", "neutral", "", "board", ""),
    ("4_ms_not_board", "4_board_3", "neutral", "", "board", ""),
    ("4_investors_demand", "4_thrive", "neutral", "", "board", ""),
    # T money: Microsoft and valuation
    ("4_86b", "4_tripled", "agree", "numeric", "money", "86B from under 30B is nearly triple"),
    ("4_ms_13b", "4_ms_1b", "neutral", "numeric hard", "money", "up to $13B in total vs $1B initial"),
    ("4_ms_13b", "en_49", "agree", "numeric crosslingual", "money", ""),
    ("4_ms_13b", "en_50b", "contradict", "numeric crosslingual", "money", ""),
    ("4_86b", "en_86b", "agree", "numeric crosslingual", "money", ""),
    ("4_capped_2019", "0_nonprofit_launch", "agree", "temporal", "money", "launched as a non-profit, became capped-profit in 2019"),
    ("4_capped_2019", "0_nonprofit_shift", "agree", "hard", "money", ""),
    # T exodus: talent leaving OpenAI in 2024
    ("0_open_season_a", "0_open_season_b", "agree", "", "exodus", ""),
    ("0_headline", "0_brain_drain", "agree", "", "exodus", ""),
    ("0_pay_above", "0_money_startups", "neutral", "hard", "exodus", "OpenAI pays above market; startup equity can pay more"),
    ("0_jain_shortage", "0_jain_demand", "agree", "", "exodus", ""),
    ("0_mission_startups", "0_kingma", "agree", "hard", "exodus", ""),
    ("0_klein_linkedin", "0_tolley", "neutral", "", "exodus", ""),
    ("0_perplexity", "en_perplexity_100", "agree", "numeric crosslingual", "exodus", ""),
    ("0_perplexity", "en_perplexity_1000", "contradict", "numeric crosslingual", "exodus", ""),
    ("0_klein_lost", "0_six_recruiters", "neutral", "", "exodus", ""),
    ("0_lead_google", "2_behind", "neutral", "hard", "exodus", "OpenAI's lead over Google (2024) vs Meta behind OpenAI and Google (2025)"),
    # unrelated look-alikes (same numbers or words, different things)
    ("0_perplexity", "4_chatgpt_100m", "unrelated", "numeric hard", "x-hundred", "a hundred people vs 100 million users"),
    ("3_100m", "4_chatgpt_100m", "unrelated", "numeric hard", "x-hundred", "$100M bonuses vs 100M users"),
    ("en_100m_offer", "4_chatgpt_100m", "unrelated", "numeric crosslingual hard", "x-hundred", ""),
    ("1_seven", "4_seven_years", "unrelated", "numeric hard", "x-seven", "seven research heads vs seven years"),
    ("3_seven", "4_three_quit", "unrelated", "numeric", "x-seven", ""),
    ("4_board_3", "0_three_founders", "unrelated", "numeric hard", "x-three", "three board members vs three founders resigned"),
    ("2_300m", "4_loopt", "unrelated", "numeric hard", "x-four-years", "$300M over four years vs $39.1M over four years"),
    ("0_six_recruiters", "0_six_years", "unrelated", "numeric", "x-six", ""),
    ("4_30_days", "3_one_month", "unrelated", "numeric temporal", "x-month", ""),
    ("en_weather", "1_week_all", "unrelated", "crosslingual", "x-week", ""),
    ("4_week_users", "1_week_all", "unrelated", "temporal hard", "x-week", "within a week vs a week off"),
    ("en_week_users", "3_shutdown", "unrelated", "crosslingual temporal", "x-week", ""),
    ("0_kingma", "4_thrive", "unrelated", "", "x-misc", ""),
    ("2_missionaries", "4_no_shares", "unrelated", "", "x-misc", ""),
    ("0_jain_demand", "3_fairness", "unrelated", "", "x-misc", ""),
    ("4_ms_1b", "2_ten_over_100m", "unrelated", "numeric", "x-money", "$1B investment vs $100M offers"),
    ("4_pachocki_2017", "1_morale", "unrelated", "", "x-misc", ""),
    ("en_bosworth", "2_bosworth_cto", "agree", "crosslingual", "x-bosworth", ""),
    ("1_80h", "4_tripled", "unrelated", "", "x-misc", ""),
    ("3_available", "4_murati_interim", "unrelated", "temporal", "x-misc", ""),
]

# Gold findings for the end-to-end mode (eval/findings/seeds.jsonl): cross-article pairs only.
# (a, b, relation, note)
F = [
    ("3_100m", "2_not_bonus", "contradict", "Altman: signing bonuses up to $100M; Bosworth: not a signing bonus"),
    ("1_100m", "2_not_bonus", "contradict", "$100M signing bonuses vs 'not a signing bonus'"),
    ("3_unsuccessful", "2_succeeding", "contradict", "Chen: Meta often failed to get our best; Bosworth: we are succeeding"),
    ("3_headline", "2_not_top", "contradict", "Zuckerberg takes OpenAI's top researchers vs Altman: not our top people"),
    ("1_eight", "3_four", "contradict", "at least eight researchers vs four"),
    ("4_murati_interim", "0_murati", "contradict", "temporal: Murati CTO of OpenAI (2023) vs left OpenAI (2024)"),
    ("4_joined_ms", "1_altman_return", "contradict", "temporal: Altman joined Microsoft vs returned as CEO"),
    ("1_quote", "2_quote", "agree", "Chen's break-in quote"),
    ("1_quote", "3_quote", "agree", "Chen's break-in quote"),
    ("2_quote", "3_quote", "agree", "Chen's break-in quote"),
    ("1_100m", "3_100m", "agree", "$100M signing bonuses"),
    ("1_80h", "3_80h", "agree", "80-hour weeks"),
    ("1_seven", "3_seven", "agree", "seven research leaders' messages"),
    ("1_exploit", "3_exploit", "agree", "Meta will exploit the week off"),
]

LABELS = ("agree", "contradict", "neutral", "unrelated")
TAGS = ("numeric", "stance", "quote", "temporal", "negation", "crosslingual", "hard")


def claim_record(key: str, texts: dict[str, str]) -> dict:
    if key in E:
        return {"doc": None, "lang": "en", "text": E[key]}
    doc, text, *rest = C[key]
    speaker = rest[0] if rest else None
    stance = rest[1] if len(rest) > 1 else None
    full = texts[doc]
    start = full.find(text)
    if start < 0:
        raise SystemExit(f"{key}: text not found in {doc}")
    end = start + len(text)
    assert full[start:end] == text
    rec = {"doc": doc, "lang": "ar", "start": start, "end": end, "text": text}
    if speaker:
        name, surface = speaker
        s = full.rfind(surface, 0, end)
        if s < 0:
            s = full.find(surface)
        if s < 0:
            raise SystemExit(f"{key}: speaker {surface!r} not found in {doc}")
        rec["speaker"] = {"name": name, "text": surface, "start": s, "end": s + len(surface)}
    if stance:
        rec["stance"] = stance
    return rec


def split(pairs: list[dict]) -> dict[str, str]:
    """Assign whole topics to dev or test, greedily, keeping each label about 50/50.

    Topics are taken largest first (ties by name); each goes to the split where
    it leaves the smaller total per-label imbalance (ties: the split with fewer
    pairs, then dev). Unrelated look-alike topics (``x-*``) are small, which is
    what lets the greedy rule balance the labels.
    """
    by_topic: dict[str, Counter] = {}
    for p in pairs:
        by_topic.setdefault(p["topic"], Counter())[p["label"]] += 1
    counts = {"dev": Counter(), "test": Counter()}
    where = {}
    for topic in sorted(by_topic, key=lambda t: (-sum(by_topic[t].values()), t)):
        c = by_topic[topic]

        def cost(side):
            trial = {s: counts[s] + (c if s == side else Counter()) for s in counts}
            return (sum(abs(trial["dev"][lab] - trial["test"][lab]) for lab in LABELS),
                    sum(trial[side].values()), side != "dev")

        side = min(counts, key=cost)
        counts[side] += c
        where[topic] = side
    return where


def main() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    pairs = []
    seen = set()
    for n, (a, b, label, tags, topic, note) in enumerate(P, 1):
        assert label in LABELS, label
        tag_list = tags.split()
        assert all(t in TAGS for t in tag_list), tags
        assert (a, b) not in seen and (b, a) not in seen, (a, b)
        seen.add((a, b))
        rec = {"id": f"p{n:03d}", "topic": topic, "a": claim_record(a, texts), "b": claim_record(b, texts),
               "label": label, "tags": tag_list}
        if ("crosslingual" in tag_list) != (a in E or b in E):
            raise SystemExit(f"{rec['id']}: crosslingual tag must mark exactly the pairs with an English side")
        if note:
            rec["note"] = note
        pairs.append(rec)
    where = split(pairs)
    for side in ("dev", "test"):
        recs = [p for p in pairs if where[p["topic"]] == side]
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
        (OUT / f"{side}.jsonl").write_text(text, encoding="utf-8")
        print(side, len(recs), dict(sorted(Counter(r["label"] for r in recs).items())),
              sorted({r["topic"] for r in recs}))
    findings = []
    for n, (a, b, relation, note) in enumerate(F, 1):
        ra, rb = claim_record(a, texts), claim_record(b, texts)
        assert ra["doc"] and rb["doc"] and ra["doc"] != rb["doc"], (a, b)
        for r in (ra, rb):
            r.pop("speaker", None), r.pop("stance", None)
        findings.append({"id": f"f{n:02d}", "relation": relation, "a": ra, "b": rb, "note": note})
    (ROOT / "eval" / "findings").mkdir(exist_ok=True)
    (ROOT / "eval" / "findings" / "seeds.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in findings), encoding="utf-8")
    print("findings", len(findings), dict(Counter(r["relation"] for r in findings)))


if __name__ == "__main__":
    main()
