"""Build eval/extraction/gold.jsonl from the hand-written claim list below.

The claims were chosen by reading the seed articles (before any extraction rule
was tuned); this script only turns the verbatim strings into character offsets
(``str.find``) and checks them, so nobody has to count characters by hand.

    python eval/extraction/make_gold.py seeds/ eval/extraction/gold.jsonl tests/fixtures/en/

Each entry: (doc prefix, kind, content, speaker text or None, speaker name,
stance, extra stances [(stance, source text, source name)], options).
options: "nth" picks the nth occurrence of the content (0-based),
"after" the text the content must follow (searched first).
The speaker span is the occurrence of the speaker text nearest to the content
(before it when there is one within 400 characters, else after it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

Q, R, S = "quote", "reported", "statement"

GOLD = [
    # ---------------- 000: rivals circle after OpenAI departures (Business Insider, translated)
    ("000", S, "منافسو OpenAI يتجولون بعد رحيل المديرين التنفيذيين رفيعي المستوى", None, None, "asserts", [], {}),
    ("000", S, "يتدفق المستثمرون على OpenAI، لكنها تفقد مسؤولين تنفيذيين رفيعي المستوى بمعدل ينذر بالخطر.", None, None, "asserts", [], {}),
    ("000", S, "يرسل المنافسون مثل Anthropic وPerplexity إشارات إلى العمال بأنهم يضعون المهمة على الأرباح.", None, None, "asserts", [], {}),
    ("000", S, "في الأسبوع الماضي، أصبحت ميرا موراتي، كبيرة مسؤولي التكنولوجيا، أحدث المنشقين البارزين عن OpenAI.", None, None, "asserts", [], {}),
    ("000", S, "ويأتي رحيلها بعد ست سنوات بعد استقالة ثلاثة أعضاء من الفريق المؤسس، إيليا سوتسكيفر، الذي كان كبير العلماء، وأندريه كارباثي، وجون شولمان، هذا العام.", None, None, "asserts", [], {}),
    ("000", S, "المؤسس المشارك الرابع والرئيس، جريج بروكمان، سيأخذ إجازة حتى نهاية العام.", None, None, "asserts", [], {}),
    ("000", R, "إنه لاحظ أن المزيد من موظفي OpenAI يقومون بتشغيل لافتة Open to Work على LinkedIn، والتي من المفترض أن تشير إلى مسؤولي التوظيف بأنهم يرحبون بتواصلهم", "Alex Klein", "klein", "asserts", [], {}),
    ("000", R, "شركته حظيت باهتمام أكبر من الموظفين الحاليين منذ الانقلاب الفاشل لمجلس الإدارة", "دان ميلر", "miller", "asserts", [], {}),
    ("000", Q, "لديّ صديقان يعملان في OpenAI. لقد تواصلوا معي وسألوني: “كيف يمكنني الانضمام إلى Anthropic؟", "تيم تولي", "tully", "asserts", [], {}),
    ("000", R, "الصراعات شبه المستمرة على السلطة في الشركة وعمليات التطهير والنقاش الفلسفي العنيف بين العمال حول أفضل السبل لتطوير الذكاء الاصطناعي تجعل من السهل على الشركات الناشئة الأخرى الانقضاض على الموظفين الفنيين وتوظيفهم", "ستة من مسؤولي التوظيف والمستثمرين في مجال التكنولوجيا", "recruiters", "asserts", [], {}),
    ("000", Q, "إنه سباق للبقاء في القمة. الأشخاص الذين فقدوهم لم يكونوا مجرد زملاء، بل كانوا الأشخاص الذين كانوا يبنون هذا الشيء اللعين", "كلاين", "klein", "asserts", [], {}),
    ("000", Q, "أتصور أنني في OpenAI، لديهم شعور جيد بمدى قيمة هؤلاء الأشخاص.", "كلاين", "klein", "asserts", [], {}),
    ("000", Q, "تعزيز الذكاء الرقمي بالطريقة التي من المرجح أن تفيد البشرية ككل، دون أن تكون مقيدة بالحاجة إلى توليد عائد مالي", "OpenAI", "openai", "asserts", [], {}),
    ("000", S, "هذا العام، قامت بتعيين مدير السلامة السابق في OpenAI، جان ليك؛ شولمان، المؤسس المشارك والمهندس الرئيسي لشركة ChatGPT؛ ودورك كينجما، مؤسس مشارك آخر.", None, None, "asserts", [], {}),
    ("000", Q, "إن نهج Anthropic في تطوير الذكاء الاصطناعي يتوافق بشكل كبير مع معتقداتي الخاصة، وأتطلع إلى المساهمة في مهمة Anthropic المتمثلة في تطوير أنظمة ذكاء اصطناعي قوية بشكل مسؤول.", "Kingma", "kingma", "asserts", [], {}),
    ("000", Q, "عندما تنظر إلى شركة أخرى وترى أن هناك دراما حولها، كعميل أو موظف، فإنك تقول، انتظر لحظة. إذا غادر كل هؤلاء الأشخاص الرائعين، فماذا يعني ذلك؟", "مات مورفي", "murphy", "asserts", [], {}),
    ("000", Q, "كلما قضيت وقتًا أطول مع أنثروبيك، زاد إعجابك بالفريق وما يدور حوله.", "مات مورفي", "murphy", "asserts", [], {}),
    ("000", R, "أنهم يبحثون عن مرشحين “موجهين نحو المهام”", "شركات مثل Anthropic وPerplexity", "anthropic", "asserts", [], {}),
    ("000", R, "الموظفين الذين يشعرون بالانسجام التام مع المهمة هم أقل عرضة للقفز للحصول على المزيد من المال، وفيما يتعلق بالرواتب، تستمر OpenAI في الدفع أعلى من سعر السوق", "القائمون على التوظيف", "recruiters", "asserts", [], {}),
    ("000", R, "أنهم يحصلون على عمل أفضل من الأشخاص الذين يشاركون بشكل كبير في المهمة", "المؤسسون", "founders", "asserts", [], {}),
    ("000", Q, "في Glean، نركز بشكل كبير على المرشحين ذوي التوجهات المهمة", "أرفيند جاين", "jain", "asserts", [], {}),
    ("000", Q, "يحب المهندسون المنتج الذي نبنيه لأنه مخصص لهم. وعندما يتماشى مع مهمتنا المتمثلة في مساعدة الجميع على العمل بشكل أفضل باستخدام الذكاء الاصطناعي، فإنهم يحدثون التأثير الأكبر.", "أرفيند جاين", "jain", "asserts", [], {}),
    ("000", R, "العمال الخبراء في نماذج اللغات الكبيرة ما زالوا يعانون من نقص في المعروض", "جاين", "jain", "asserts", [], {}),
    ("000", Q, "هناك طلب أكبر، وعدد أكبر من الشركات الناشئة مقارنة بالناس، خاصة في منطقة الخليج حيث نقوم بالتوظيف", "جاين", "jain", "asserts", [], {}),
    ("000", R, "الموظفين يمكنهم جني أموال أكثر بكثير في شركة ناشئة أصغر عن طريق بيع أسهمهم في الخروج", "القائمون على التوظيف والمستثمرون", "recruiters", "asserts", [], {}),
    ("000", Q, "أحد الاعتبارات هو أن Open AI يحظى بتقدير كبير جدًا في هذه المرحلة لدرجة أن السؤال المطروح هو كم ستكون قيمة أسهمك مقارنة بسعر الإضراب (على الأقل بالنسبة للتعيينات الأخيرة) إذا وعندما يتم طرحها للاكتتاب العام", "مات", "hoffman", "asserts", [], {}),
    ("000", Q, "لكن ما أراه في كثير من الأحيان هو أنه بالنسبة لأفضل المهندسين، من المثير للاهتمام للغاية العمل في مرحلة مبكرة، في شركات أصغر حيث يمكن أن يكون لهم تأثير كبير في بناء وإنشاء الشيء الكبير التالي.", "هوفمان", "hoffman", "asserts", [], {}),
    ("000", R, "قامت شركة البحث الناشئة Perplexity بزيادة قوتها العاملة بأكثر من الضعف إلى ما يزيد قليلاً عن مائة شخص هذا العام", "للشركة", "perplexity", "asserts", [], {"speaker_after": "وفقًا لل"}),
    ("000", R, "جزءًا من العرض الذي تقدمه للمرشحين هو أنهم يستطيعون العمل دون الروتين ومضيعة الوقت في شركة أكبر", "جوني هو", "ho", "asserts", [], {}),
    ("000", Q, "الشيء الوحيد الذي يسهل إدراكه هو نسبة عدد المستخدمين الذين قمنا بمقارنتها بعدد الموظفين", "هو", "ho", "asserts", [], {"speaker_before": "وقال هو"}),
    ("000", Q, "إنها فرصة فريدة حيث يكون لديك الكثير من النفوذ لمجموعة مهاراتك أينما كنت.", "هو", "ho", "asserts", [], {"speaker_before": "وقال هو"}),
    # ---------------- 001: OpenAI forced into a week-long shutdown
    ("001", S, "شركة OpenAI تُجبر على إيقاف تشغيلها لمدة أسبوع لمواجهة هجوم Meta العدواني على المواهب", None, None, "asserts", [], {}),
    ("001", S, "تشتد المعركة على المواهب في مجال الذكاء الاصطناعي، وقد اتخذت شركة OpenAI خطوة غير عادية لحماية قوتها العاملة وسط موجة من الصيد الجائر من قبل شركة Meta.", None, None, "asserts", [], {}),
    ("001", S, "مواجهةخسارة ما لا يقل عن ثمانية باحثين في فريق \"الذكاء الفائق\" الذي تم تشكيله حديثًا في ميتا فرضت شركة OpenAI إجازة لمدة أسبوع كامل على جميع الموظفين.", None, None, "asserts", [], {}),
    ("001", R, "أنها بمثابة خطوة استراتيجية لإبطاء زخم التوظيف في ميتا من خلال تعطيل قدرتها على الضغط على الموظفين خلال اللحظات الحرجة", "المصادر", "sources", "hedges", [], {}),
    ("001", S, "عروض Meta البالغة 100 مليون دولار تثير الذعر في قيادة OpenAI", None, None, "asserts", [], {}),
    ("001", R, "أنه تم عرض مكافآت التوقيع وحزم تعويضات السنة الأولى بقيمة 100 مليون دولار على بعض موظفي OpenAI", "التقارير", "reports", "hedges",
     [("confirms", "المطلعون في OpenAI", "openai"), ("disputes", "مصادر Meta", "meta")], {}),
    ("001", S, "لقد أدى التدخل الشخصي لمارك زوكربيرج في جهود التوظيف إلى تضخيم الضغوط، مما دفع كبار المسؤولين التنفيذيين في OpenAI إلى البحث عن تدابير مضادة.", None, None, "asserts", [], {}),
    ("001", Q, "أشعر بشعور غريب الآن، كما لو أن أحدهم اقتحم منزلنا وسرق شيئًا ما.", "مارك تشين", "chen", "asserts", [], {}),
    ("001", R, "أنه والرئيس التنفيذي سام ألتمان \"يعملان على مدار الساعة\" للاحتفاظ بالمواهب، وإعادة معايرة الأجور، والسعي إلى حوافز جديدة لمنع الباحثين من القفز من السفينة", "تشين", "chen", "confirms", [], {}),
    ("001", S, "وإلى جانب مذكرة تشين العاجلة، أرسل سبعة رؤساء أبحاث آخرين في OpenAI رسائل شخصية إلى فرقهم يحثون فيها على توخي الحذر.", None, None, "asserts", [], {}),
    ("001", Q, "إخبار [مسؤولي التوظيف في ميتا] بالتراجع", "أحد القادة", "leader", "asserts", [], {}),
    ("001", R, "ميتا \"ستستغل\" أسبوع إغلاق الشركة لتسريع جهود التوظيف وعزل الموظفين", "آخر", "leader", "asserts", [], {"speaker_before": "وحذر آخر"}),
    ("001", Q, "إذا شعرتَ بهذا الضغط، فلا تتردد في التواصل. أنا ومارك موجودان ونرغب في دعمك!", "آخر", "leader", "asserts", [], {"speaker_before": "وحذر آخر"}),
    ("001", R, "الموظفين يعملون لمدة 80 ساعة في الأسبوع، وأن الرحيل المفاجئ للموظفين هز معنوياتهم بشكل واضح", "التقارير", "reports", "hedges", [], {}),
    ("001", S, "يسلط الإغلاق الذي استمر لمدة أسبوع في شركة OpenAI، والذي يستثني المديرين التنفيذيين، الضوء على تكلفة السباق عالي المخاطر للذكاء الاصطناعي العام (AGI).", None, None, "asserts", [], {}),
    ("001", Q, "لقد خُطط لهذا منذ فترة طويلة. [...] فالإجازة تعني الشعور بالضياع، لكن إغلاق الشركة لهذا الأسبوع يعني أننا نسترخي ونتخلص من الشعور بالضياع.", "موظف OpenAI من فريق Go-To-Market (GTM)", "openai employee", "asserts", [], {}),
    ("001", R, "الحاجة إلى التركيز على \"الجائزة الحقيقية\" المتمثلة في تطوير الذكاء الاصطناعي العام بدلاً من الانشغال بـ \"المناوشات مع ميتا\"", "مذكرة تشين", "chen", "confirms", [], {}),
    ("001", Q, "علينا أن نركز على الهدف الحقيقي، وهو إيجاد طرق لتحويل الذكاء الاصطناعي (حيث ستدخل المزيد من الحواسيب العملاقة الخدمة لاحقًا هذا العام). هذه هي المهمة الرئيسية، ومن المهم أن نتذكر أن المناوشات مع ميتا هي مهمة جانبية.", "مذكرة تشين", "chen", "asserts", [], {}),
    ("001", R, "أنها تتصرف بشكل عادل واستراتيجي", "قيادة شركة OpenAI", "openai", "asserts", [], {}),
    ("001", R, "النضال من أجل بناء الجيل القادم من الذكاء الاصطناعي لا يتعلق بالآلات فحسب؛ بل هو اختبار للقدرة على التحمل والعدالة بين البشر أنفسهم الذين يجعلون ذلك ممكنا", "مارك تشين", "chen", "asserts", [], {"speaker_before": "وكما قال مارك تشين"}),
    # ---------------- 002: Altman criticises Meta
    ("002", S, "سام ألتمان ينتقد Meta بسبب أساليب توظيف “مُزعجة” بعد استقالات موظفي OpenAI البارزين", None, None, "asserts", [], {}),
    ("002", R, "أنها قد تُؤدي إلى “مشاكل ثقافية عميقة للغاية”", "ألتمان", "altman", "asserts", [], {"speaker_before": "أرسل ألتمان"}),
    ("002", S, "في السياق ذاته، أطلقت Meta فريقها الجديد للذكاء الفائق، Meta Superintelligence Labs (MSL)، بقيادة ألكسندر وانغ، مؤسس Scale AI، ونات فريدمان، الرئيس التنفيذي السابق لشركة GitHub، وكجزء من هذا الجهد، قامت Meta بتوظيف ما لا يقل عن 11 باحثًا كبيرًا في مجال الذكاء الاصطناعي من شركات معروفة مثل OpenAI وAnthropic.", None, None, "asserts", [], {}),
    ("002", Q, "شخصًا ما اقتحم منزلنا وسرق شيئًا ما", "مارك تشين", "chen", "asserts", [], {}),
    ("002", Q, "لقد استقطبت ميتا بعض الأشخاص الرائعين بالتأكيد، لكن إجمالاً، يصعب المبالغة في مدى عدم استقطابهم لأفضل موظفيها واضطرارهم إلى التنازل عن مناصبهم إلى حد كبير", "ألتمان", "altman", "asserts", [], {"speaker_before": "قلّل ألتمان"}),
    ("002", Q, "تويتر الذكاء الاصطناعي سام؛ ميتا تتصرف بطريقة تبدو غير مستساغة إلى حد ما", "ألتمان", "altman", "asserts", [], {"speaker_before": "كما انتقد ألتمان"}),
    ("002", R, "تضمنت عروض ميتا حزم تعويضات تصل إلى 300 مليون دولار على مدى أربع سنوات، حيث تم التواصل مع ما لا يقل عن 10 باحثين في OpenAI بعروض في السنة الأولى تتجاوز 100 مليون دولار", "للتقارير", "reports", "hedges", [], {}),
    ("002", R, "هذه العروض غالبًا ما تضمنت خيارات أسهم تُستحق فورًا، وهو ما يُعتبر حافزًا رئيسيًا في وادي السيليكون", "مجلة Wired", "wired", "asserts", [], {}),
    ("002", R, "حجم العروض “مغرٍ”", "أحد باحثي OpenAI", "openai researcher", "confirms", [], {}),
    ("002", R, "الأرقام مبالغ فيها", "أحد باحثي OpenAI", "openai researcher", "hedges", [("confirms", "أندرو بوسورث", "bosworth")], {}),
    ("002", Q, "السوق مزدهر، إنه ليس كذلك", "أندرو بوسورث", "bosworth", "asserts", [], {}),
    ("002", R, "عددًا قليلاً فقط من المناصب القيادية شهد عروضًا في نطاق 100 مليون دولار", "أندرو بوسورث", "bosworth", "asserts", [], {}),
    ("002", Q, "إنها ليست مكافأة توقيع – إنها كل هذه الأشياء المختلفة", "أندرو بوسورث", "bosworth", "denies", [], {}),
    ("002", R, "أنها ستعدل رواتب موظفيها وتكافئهم", "Meta", "meta", "asserts", [], {"speaker_before": "أعلنت Meta"}),
    ("002", Q, "المبشرون سيتغلبون على المرتزقة", "ألتمان", "altman", "asserts", [], {"speaker_before": "تعرض ألتمان"}),
    ("002", Q, "نحن نهتم حقًا ببناء الذكاء الاصطناعي العام بطريقة جيدة، بينما تهتم الشركات الأخرى بهذا أكثر كهدف أساسي", "ألتمان", "altman", "asserts", [], {"speaker_before": "تعرض ألتمان"}),
    ("002", R, "التزام OpenAI الطويل الأمد بالذكاء الاصطناعي العام سيتجاوز ميل Meta للقفز من اتجاه إلى آخر", "ألتمان", "altman", "confirms", [], {"speaker_before": "كما أكد ألتمان"}),
    ("002", Q, "بعد فترة طويلة من انتقال Meta إلى نكهتها الجديدة لهذا الأسبوع، سنكون هنا، يومًا بعد يوم، عامًا بعد عام", "ألتمان", "altman", "asserts", [], {"speaker_before": "كما أكد ألتمان"}),
    ("002", Q, "نعم، نحن غريبو الأطوار، لكن هذا ما يجعل هذا المكان مهدًا ساحرًا للابتكار", "أحدهم", "openai employee", "asserts", [], {}),
    ("002", Q, "نحن ننجح في استقطاب المواهب من OpenAI", "بوسورث", "bosworth", "asserts", [], {"speaker_before": "اتهم بوسورث"}),
    ("002", R, "شركة MSL المُشكّلة حديثًا ستركز على تطوير الذكاء الاصطناعي العام وتعزيز مكانة ميتا في سباق الذكاء الاصطناعي", "مارك زوكربيرج", "zuckerberg", "confirms", [], {}),
    # ---------------- 003: Zuckerberg poaches OpenAI researchers (WIRED, translated)
    ("003", S, "حرب الذكاء الاصطناعي تشتعل.. زوكربيرغ يضم كبار باحثي OpenAI", None, None, "asserts", [], {}),
    ("003", R, "بينما يواصل مارك زوكربيرغ استقطاب كبار الباحثين إلى Meta، أبدى مسؤولو OpenAI قلقهم من النزيف الوظيفي وأعلنوا إعادة النظر في سياسة التعويضات", "مذكرة داخلية", "internal memo", "asserts", [], {}),
    ("003", S, "وبعث مارك تشين، الرئيس التنفيذي للأبحاث في OpenAI، مذكرة حادة إلى الموظفين يوم السبت، متعهدًا بمواجهة عملاق التواصل الاجتماعي في معركة استقطاب أفضل العقول البحثية.", None, None, "asserts", [], {}),
    ("003", S, "جاءت هذه المذكرة، التي أُرسلت عبر منصة Slack واطلعت عليها مجلة WIRED، بعد أيام من نجاح زوكربيرغ في ضم أربعة باحثين بارزين من OpenAI إلى مختبره الجديد للذكاء الخارق في Meta.", None, None, "asserts", [], {}),
    ("003", Q, "أشعر وكأن أحدهم اقتحم منزلنا وسرق شيئًا غاليًا… أرجو أن تثقوا أننا لم نقف مكتوفي الأيدي", "تشين", "chen", "asserts", [], {"speaker_before": "وكتب تشين"}),
    ("003", R, "أنه يعمل جنبًا إلى جنب مع سام ألتمان، الرئيس التنفيذي لـOpenAI، وباقي القيادات على مدار الساعة للتواصل مع من تلقوا عروضًا وظيفية", "تشين", "chen", "asserts", [], {"speaker_before": "وكتب تشين"}),
    ("003", Q, "أصبحوا أكثر نشاطًا من أي وقت مضى، ويعملون على إعادة ضبط حزم التعويضات، والتفكير في وسائل مبتكرة للاحتفاظ بالمواهب", "تشين", "chen", "asserts", [], {"speaker_before": "وكتب تشين"}),
    ("003", Q, "سأقاتل للاحتفاظ بكل واحد منكم، لكن دون أن يكون ذلك على حساب العدالة تجاه الآخرين", "تشين", "chen", "asserts", [], {"speaker_before": "أكد تشين"}),
    ("003", R, "زوكربيرغ قدم مكافآت توقيع تصل إلى 100 مليون دولار لبعض موظفي OpenAI", "ألتمان", "altman", "asserts", [("confirms", "مصادر مطلعة في الشركة", "sources")], {"speaker_before": "وأفاد ألتمان"}),
    ("003", R, "زوكربيرغ يتواصل شخصيًا مع المرشحين المحتملين", "صحيفة \"وول ستريت جورنال\"", "wall street journal", "asserts", [], {}),
    ("003", R, "Meta \"تحاول بقوة منذ شهر توسيع جهودها في مجال الذكاء الاصطناعي، وقد سعت مرارًا (وغالبًا بلا نجاح) لاستقطاب أفضل كفاءاتنا بعروض تركّز على التعويضات\"", "تشين", "chen", "asserts", [], {"speaker_before": "كتب تشين أن"}),
    ("003", R, "الشركة كثّفت من جهود التوظيف البحثي، مستهدفة بالأساس باحثين من OpenAI وGoogle", "مصدر مقرّب من Meta", "meta source", "confirms", [], {}),
    ("003", R, "أما شركة Anthropic المنافسة، فلا يُنظر إليها كخيار ثقافي مناسب لـMeta", "مصدر لمجلة WIRED", "wired source", "asserts", [], {}),
    ("003", S, "تضمنت مذكرة تشين أيضًا رسائل من سبعة باحثين كبار بالشركة، عبّروا فيها عن دعمهم للموظفين، ودعوهم للتواصل في حال تلقوا عروضًا من Meta.", None, None, "asserts", [], {}),
    ("003", Q, "إذا ضغطوا عليكم أو قدموا عروضًا تنتهي بسرعة، فقط أخبروهم بالتراجع. من غير اللائق الضغط على شخص في قرار مصيري كهذا", "أحدهم", "researcher", "asserts", [], {}),
    ("003", S, "تزامنت هذه التحركات مع ضغوط عالية يشهدها موظفو OpenAI، حيث يعمل الكثيرون ساعات تمتد إلى 80 ساعة أسبوعيًا.", None, None, "asserts", [], {}),
    ("003", R, "تخطط الشركة لإغلاق أبوابها مؤقتًا الأسبوع المقبل لإتاحة وقت للراحة، لكن المديرين التنفيذيين سيواصلون العمل", "مصادر متعددة", "sources", "asserts", [], {}),
    ("003", Q, "Meta تدرك أننا نأخذ هذا الأسبوع للراحة، وتحاول استغلال ذلك للضغط عليكم لاتخاذ قرارات سريعة ومنعزلة… إذا شعرت بهذا الضغط، لا تتردد في التواصل، أنا ومارك موجودون لدعمكم!", "أحد القياديين", "leader", "asserts", [], {}),
    ("003", R, "ضرورة أن تظل OpenAI مركّزة على هدفها الأساسي: تحقيق الذكاء الاصطناعي العام، لا الانشغال بمقارنة مستمرة مع المنافسين", "تشين", "chen", "asserts", [], {"speaker_before": "أشار تشين"}),
    ("003", Q, "علينا التركيز على الجائزة الحقيقية: تحويل قوة الحوسبة (مع اقتراب تشغيل المزيد من الحواسيب العملاقة هذا العام) إلى ذكاء… أما التنافس مع Meta فهو مجرد مهمة فرعية", "تشين", "chen", "asserts", [], {"speaker_before": "أشار تشين"}),
    ("003", Q, "سأكون متاحًا هذا الأسبوع – بكامل طاقتي، تواصلوا معي في أي وقت", "تشين", "chen", "asserts", [], {"speaker_before": "أشار تشين"}),
    ("003", Q, "من الرائع حقًا مشاهدة قيادة مارك ونزاهته خلال هذه المرحلة، خاصة في لحظات اتخاذ قرارات صعبة… نحن محظوظون بوجوده قائدًا لنا", "سام ألتمان", "altman", "asserts", [], {}),
    # ---------------- 004: Altman joins Microsoft (first copy only; the second half repeats it)
    ("004", R, "الرئيس التنفيذي سام ألتمان ، الذي أطاح به مجلس إدارة OpenAI ، وجريج بروكمان ، رئيس مجلس الإدارة والرئيس الذي استقال نتيجة لذلك ، انضموا إلى مايكروسوفت", "ساتيا ناديلا", "nadella", "asserts", [], {}),
    ("004", S, "وجدت OpenAI أيضا رئيسا تنفيذيا مؤقتا لنفسها - Emmett Shear ، المؤسس المشارك لموقع بث الفيديو Twitch.", None, None, "asserts", [], {}),
    ("004", S, "منذ طرد سام ألتمان من الشركة من قبل مجلس الإدارة في 17 نوفمبر ، تعرض مجلس إدارة OpenAI لضغوط من المستثمرين والموظفين الداخليين والشركاء", None, None, "asserts", [], {}),
    ("004", R, "مجلس الإدارة يتفاوض على عودة سام ألتمان", "الأخبار", "news", "asserts", [], {}),
    ("004", Q, "هذه هي المرة الأولى والأخيرة التي أرتدي فيها هذه الأداة", "ألتمان", "altman", "asserts", [], {"speaker_before": "عندما أظهر ألتمان"}),
    ("004", S, "يعلم الجميع أن Microsoft هي أعمق شريك ل OpenAI ، سواء في الأعمال التجارية أو رأس المال.", None, None, "asserts", [], {}),
    ("004", R, "ساتيا وأولويته القصوى تظل ضمان استمرار OpenAI في الازدهار و \"ملتزمة بتوفير استمرارية الأعمال الكاملة لشركائنا وعملائنا\"", "ألتمان", "altman", "asserts", [], {"speaker_before": "قال ألتمان"}),
    ("004", S, "يمكن ملاحظة أن ألتمان ، الذي سيقود فريق الذكاء الاصطناعي الجديد في Microsoft ، سيستمر في الجلوس على طاولة المؤتمر ، لكنه سيمثل Microsoft في المستقبل.", None, None, "asserts", [], {}),
    ("004", R, "العشرات من الموظفين الداخليين في OpenAI أعلنوا استقالاتهم", "المصادر", "sources", "asserts", [], {}),
    ("004", Q, "OpenAI جيد مقابل لا شيء بدون موظفين", "البعض", "some", "asserts", [], {}),
    ("004", Q, "OpenAI لا شيء بدون موظفين.", None, None, "asserts", [], {}),
    ("004", S, "في 20 نوفمبر ، انتشرت العبارة على صفحة Altman X ، حيث أعاد تغريدها وأعجب بها.", None, None, "asserts", [], {}),
    ("004", S, "تم نشر العبارة من قبل العديد من الأشخاص ، وكثير منهم كانوا موظفين داخليين في OpenAI ، بما في ذلك ميرا موراتي ، CTO في OpenAI ، التي تولت منصب الرئيس التنفيذي المؤقت بعد أن أطاح مجلس الإدارة ب Altman ، ولكن لمدة تقل عن ثلاثة أيام فقط.", None, None, "asserts", [], {}),
    ("004", S, "بدأ الاضطراب بعد أن أعلن مجلس إدارة OpenAI من جانب واحد عن إقالة ألتمان من منصب الرئيس التنفيذي.", None, None, "asserts", [], {}),
    ("004", S, "أولا ، كان جريج بروكمان ، المؤسس المشارك ورئيس OpenAI ، أول من استقال علنا بعد إقالته من منصب رئيس مجلس الإدارة في 17 نوفمبر", None, None, "asserts", [], {}),
    ("004", R, "إنه \"سيحتفظ به لأغراض أخرى\"", "مجلس الإدارة", "board", "asserts", [], {}),
    ("004", R, "لقد \"صدم\" هو وألتمان عندما طردهما عضو مجلس الإدارة ليا سوتسكيفر في اجتماع عبر الإنترنت", "بروكمان", "brockman", "asserts", [], {"speaker_before": "كان بروكمان"}),
    ("004", S, "بصفته \"الرجل الذي يقف وراء ألتمان\" ، على الرغم من أن جريج بروكمان يحمل دائما لقب الرئيس ، إلا أنه في الواقع المروج الأساسي ل ChatGPT ، وهو \"السلاح السري\" ل OpenAI.", None, None, "asserts", [], {}),
    ("004", Q, "جريج هو الشخص الذي يمكنه حقا جعل التكنولوجيا حقيقة واقعة", "ألتمان", "altman", "asserts", [], {"speaker_before": "في نظر ألتمان"}),
    ("004", Q, "الأشخاص مثل بروكمان الذين يمكنهم الجمع بين البرمجة واتخاذ القرارات المتعلقة بالمنتج وإدارة الفريق نادرون في مجال التكنولوجيا ، ولا يوجد مثل هؤلاء الأشخاص في Google.", "أرافيند سرينيفاس", "srinivas", "asserts", [], {}),
    ("004", S, "في أعقاب \"الزلزال\" على مستوى C-suite ، استقال جاكوب باتشوكي ، مدير الأبحاث في OpenAI ، وألكسندر مادري ، رئيس فريق المخاطر الذكاء الاصطناعي ، وسزيمون سيدور ، الباحث لمدة سبع سنوات.", None, None, "asserts", [], {}),
    ("004", S, "Pachocki هو أيضا من قدامى المحاربين في OpenAI ، حيث عمل في OpenAI منذ عام 2017 وهو \"شخصية رئيسية\" في أبحاث GPT-4.", None, None, "asserts", [], {}),
    ("004", Q, "بدونه ، لم نكن لنصل إلى ما نحن عليه اليوم.", None, None, "asserts", [], {}),
    ("004", R, "أنهما سينضمان إلى مايكروسوفت", "ألتمان وبروكمان", "altman", "asserts", [], {}),
    ("004", R, "العشرات من الموظفين الداخليين في OpenAI أعلنوا أنهم سيستقيلون", "أخبار", "news", "asserts", [], {"speaker_before": "كانت هناك أخبار"}),
    ("004", Q, "موظفي OpenAI مثيرون للإعجاب للغاية ولديهم شعور كبير بالمهمة", "Emmett Shear", "shear", "asserts", [], {"speaker_before": "وحتى Emmett Shear"}),
    ("004", S, "طالب المستثمرون ، بما في ذلك Microsoft و Thrive Capital و Tiger Global Management ، بأن تلغي OpenAI قرار الفصل.", None, None, "asserts", [], {}),
    ("004", S, "أكبر مستثمر وشريك لشركة OpenAI هو Microsoft ، عملاق الإنترنت الذي استثمر ما يصل إلى 13 مليار دولار وموارد مختلفة ، ويمتلك حصة 49٪ في OpenAI Global LLc ، وكان الرئيس التنفيذي لشركة Microsoft ساتيا ناديلا على اتصال مع Altman.", None, None, "asserts", [], {}),
    ("004", R, "إنها تدعم ذلك تماما", "ساتيا", "nadella", "asserts", [], {"speaker_before": "وقالت ساتيا"}),
    ("004", R, "إنهما سيضمنان استمرار ازدهار OpenAI", "الجانبان", "both sides", "asserts", [], {}),
    ("004", S, "بالإضافة إلى مايكروسوفت، تقود شركة ثرايف كابيتال، وهي مساهم رئيسي آخر في OpenAI، عملية الاستحواذ على أسهم موظفي OpenAI، لكنها لم تحول بعد ما يكفي من الأموال.", None, None, "asserts", [], {}),
    ("004", R, "رحيل ألتمان سيكون له تأثير على عرض المناقصة", "ثرايف كابيتال", "thrive capital", "asserts", [], {"speaker_before": "قالت ثرايف كابيتال"}),
    ("004", S, "بصفته زميلا أقدم في جامعة كارنيجي ميلون ، نشر ألتمان العديد من المقالات حول الابتكار التكنولوجي وريادة الأعمال ، وعمل كعضو مجلس إدارة أو مستشار للعديد من الشركات الناشئة ، بما في ذلك OpenDoor و Postmates و RapidAPI ، وساعدهم في تأمين عشرات الملايين من الدولارات من الاستثمارات.", None, None, "asserts", [], {}),
    ("004", S, "في وقت مبكر من سنوات دراسته الجامعية ، أظهر ألتمان فطنة تجارية قوية ، حيث ترك الكلية لتأسيس والرئيس التنفيذي Lobt ، وهو تطبيق قائم على تحديد الموقع الجغرافي ، وتلقى استثمارا من Sequoia Capital وجمع خمس جولات من التمويل بلغ مجموعها 39.1 مليون دولار على مدى أربع سنوات.", None, None, "asserts", [], {}),
    ("004", S, "بعد تأسيس OpenAI ، وضع Altman قدراته التشغيلية الرأسمالية فيه ، خاصة بعد أن قررت OpenAI التحول من منظمة غير ربحية إلى شركة \"ربحية رأسية\" في عام 2019 ، وفي هذا الوقت أيضا تلقت OpenAI استثمار Microsoft الأولي بقيمة 1 مليار دولار ، ودخل تطوير نماذج GPT ، التي لم تعد مفتوحة المصدر ، إلى الخط السريع.", None, None, "asserts", [], {}),
    ("004", S, "في 30 نوفمبر 2022 ، تم إطلاق ChatGPT ، وتدفق ملايين المستخدمين في غضون أسبوع.", None, None, "asserts", [], {}),
    ("004", S, "حتى الآن ، لا يزال عدد المستخدمين النشطين شهريا 100 مليون.", None, None, "asserts", [], {}),
    ("004", S, "حتى قبل أسابيع من إقالته ، كان ألتمان يجمع مليارات الدولارات من أكبر المستثمرين في العالم لشركة رقائق جديدة للذكاء الاصطناعي (الذكاء الاصطناعي).", None, None, "asserts", [], {}),
    ("004", S, "وهناك عدد من شركات رأس المال الاستثماري البارزة، بما في ذلك بعض المستثمرين الحاليين مثل مايكروسوفت، مستعدون أيضا لدعم أي مشاريع جديدة يضعها ألتمان معا.", None, None, "asserts", [], {}),
    ("004", S, "إذا تم تنفيذ عرض الاستحواذ على Thrive Capital ، فقد تقدر قيمة OpenAI بمبلغ 86 مليار دولار ، ارتفاعا من أقل من 30 مليار دولار سابقا.", None, None, "asserts", [], {}),
    ("004", S, "هذا يعني أنه في أقل من عام ، تضاعف تقييم الشركة بأكثر من ثلاثة أضعاف.", None, None, "asserts", [], {}),
    ("004", S, "يتحكم مجلس إدارة OpenAI في المؤسسة بأكملها", None, None, "asserts", [], {}),
    ("004", S, "ببساطة ، يتحكم مجلس إدارة OpenAI في المنظمة بأكملها ، بالإضافة إلى الرئيس التنفيذي Altman ، وكبير العلماء IIya ، والرئيس Blockman ، هناك 3 أعضاء في مجلس الإدارة لديهم سلطة صنع القرار النهائي على استراتيجية وعمليات OpenAI.", None, None, "asserts", [], {}),
    ("004", S, "تمثل OpenAI LP ، ككيان ربحي ، الجزء التجاري من OpenAI ، بينما تحتفظ OpenAI Inc بجوهر المنظمة غير الربحية.", None, None, "asserts", [], {}),
    ("004", S, "من أجل ضمان عدم المساس بالتطوير ، لا يمتلك أي عضو تقريبا في مجلس إدارة OpenAI أسهما في الشركة.", None, None, "asserts", [], {}),
    ("004", Q, "يمكن ل OpenAI طردي في أي وقت", "ألتمان", "altman", "asserts", [], {"speaker_before": "لا يملك ألتمان"}),
    ("004", S, "بالإضافة إلى حقيقة أن أعضاء مجلس الإدارة لا يمتلكون أسهما ، فإن Microsoft ، أكبر مساهم في OpenAI ، ليست مدرجة في قائمة مجلس الإدارة.", None, None, "asserts", [], {}),
    ("004", S, "وبشكل أكثر دراماتيكية ، تم إنشاء مثل هذه العمارة بواسطة Altman.", None, None, "asserts", [], {}),
    ("004", R, "الخلاف بين Altman ومجلس الإدارة لا علاقة له بالأمن الذكاء الاصطناعي والتسويق والطرق الأخرى", "براد لايتكاب", "lightcap", "asserts", [("asserts", "إيميت شير", "shear")], {}),
    ("004", R, "إنه يريد أولا فهم العملية برمتها وأسباب ترحيل ألتمان في الأيام ال 30 المقبلة من خلال تعيين محقق مستقل", "شير", "shear", "asserts", [], {"speaker_before": "وقال شير"}),
    ("004", R, "\"مجلس الإدارة\" لم يقم \"بإقالة سام بسبب أي خلافات أمنية محددة\"", "شير", "shear", "denies", [], {"speaker_before": "وقال شير"}),
    ("004", Q, "لم أكن لأكون مجنونا بما يكفي لتولي الوظيفة بدون دعم مجلس الإدارة لتسويق نموذجنا الرائع", "شير", "shear", "asserts", [], {"speaker_before": "وقال شير"}),
    ("004", Q, "يؤسفني بشدة مشاركتي في مجلس الإدارة. لم أرغب أبدا في إيذاء OpenAI.", "IIya Stutskever", "sutskever", "asserts", [], {}),
    ("004", Q, "إذا كان OpenAI يفعل شيئا يحتمل أن يكون خطيرا على البشر ، فإن العالم بحاجة إلى معرفة ذلك", "ماسك", "musk", "asserts", [], {}),
    ("004", R, "إنه سيقود التغيير التنظيمي ، بما في ذلك تغييرات الحوكمة الرئيسية إذا لزم الأمر", "شير", "shear", "asserts", [], {"speaker_before": "الجديد شير"}),
]

# English fixtures written for the tests (tests/fixtures/en/), labelled the same way.
GOLD_EN = [
    ("en_001", S, "Lumen Robotics cuts 1,200 jobs as sales slump", None, None, "asserts", [], {}),
    ("en_001", R, "it would cut 1,200 jobs, about 8% of its workforce, after quarterly sales fell for the third time in a row", "Lumen Robotics", "lumen robotics", "asserts", [], {"speaker_before": "Lumen Robotics said"}),
    ("en_001", Q, "We grew too fast and we have to be honest about that", "Dana Whitfield", "whitfield", "asserts", [], {}),
    ("en_001", Q, "These are painful decisions, but they protect the company.", "Dana Whitfield", "whitfield", "asserts", [], {}),
    ("en_001", R, "the cuts would save up to $300 million a year", "Whitfield", "whitfield", "asserts", [], {"speaker_before": "Whitfield said"}),
    ("en_001", S, "The company reportedly offered departing staff six months of pay", None, None, "hedges",
     [("confirms", "union officials", "union officials"), ("disputes", "company sources", "company sources")], {}),
    ("en_001", R, "more than 400 of the affected employees work at the Trondheim plant", "the Oslo Workers' Union", "union", "asserts", [], {}),
    ("en_001", R, "the union had agreed to the plan", "Per Haugen", "haugen", "denies", [], {}),
    ("en_001", Q, "Nobody asked us. Not once", "Per Haugen", "haugen", "asserts", [], {}),
    ("en_001", S, "Lumen's shares fell 12% in Oslo trading.", None, None, "asserts", [], {}),
    ("en_001", R, "the restructuring would cost about $90 million in the first year", "Analysts at Nordbank", "nordbank", "hedges", [], {}),
    ("en_002", S, "Harbour City agree record fee for striker Tomas Rey", None, None, "asserts", [], {}),
    ("en_002", R, "Harbour City have agreed a club-record fee of €85 million for Valencia striker Tomas Rey", "people familiar with the deal", "people familiar", "asserts", [], {}),
    ("en_002", S, "The 24-year-old scored 31 goals in 38 league games last season.", None, None, "asserts", [], {}),
    ("en_002", Q, "I don't talk about players from other clubs", "Elena Brandt", "brandt", "asserts", [], {}),
    ("en_002", R, "an agreement had been reached", "Valencia", "valencia", "denies", [], {"speaker_before": "Valencia denied"}),
    ("en_002", Q, "There is no deal. It's not even close", "a club spokesman", "spokesman", "denies", [], {}),
    ("en_002", R, "talks were \"at an advanced stage\" and that a medical could take place within two weeks", "Marco Ferri", "ferri", "asserts", [], {}),
    ("en_002", S, "The player's contract runs until June 2027, and it reportedly contains a release clause of €120 million.", None, None, "hedges", [], {}),
    ("en_002", Q, "He is the best young forward in Europe", "Owen Price", "price", "asserts", [], {}),
    ("en_003", S, "Minister defends dam project as costs rise to $4.2bn", None, None, "asserts", [], {}),
    ("en_003", R, "The cost of the Kesh river dam has risen to $4.2bn, nearly double the original estimate", "the finance ministry", "finance ministry", "asserts",
     [("disputes", "Rafael Ortiz", "ortiz")], {}),
    ("en_003", R, "the project remained \"the best investment this country can make\" and would supply power to two million homes", "Amina Yusuf", "yusuf", "asserts", [], {}),
    ("en_003", R, "the true cost was closer to $6 billion", "Rafael Ortiz", "ortiz", "asserts", [], {}),
    ("en_003", Q, "The government has hidden the real bill from taxpayers for three years", "Ortiz", "ortiz", "asserts", [("denies", "Yusuf", "yusuf")], {"speaker_after": "Ortiz told"}),
    ("en_003", Q, "Every dollar is in the published accounts", "Yusuf", "yusuf", "asserts", [], {"speaker_before": "Yusuf denied"}),
    ("en_003", R, "construction is 70 percent complete and the dam will open in March 2026", "the ministry", "ministry", "asserts", [], {"speaker_before": "According to the ministry"}),
    ("en_003", R, "at least 3,000 families were moved to make way for the reservoir", "Local groups", "local groups", "asserts", [], {}),
]

# Held out: an Arabic article written for the tests after the rules were built, labelled before the
# extractor was run on it (tests/fixtures/ar/) -> eval/extraction/heldout.jsonl
GOLD_HELDOUT = [
    ("ar_001", S, "إغلاق مصنع النسيج في المحلة يهدد ١٢٠٠ وظيفة", None, None, "asserts", [], {}),
    ("ar_001", R, "أنها ستغلق مصنعها في المحلة الكبرى بحلول نهاية مارس، بعد خسائر بلغت 45 مليون جنيه خلال العام الماضي", "شركة النيل للنسيج", "nile textiles", "asserts", [], {}),
    ("ar_001", R, "الشركة \"لم تعد قادرة على تحمل تكاليف الطاقة المرتفعة\"", "حسام الدين فاروق", "faruq", "asserts", [], {}),
    ("ar_001", Q, "حاولنا لمدة ثلاث سنوات إنقاذ المصنع، لكن الأرقام لا تكذب", "حسام الدين فاروق", "faruq", "asserts", [], {}),
    ("ar_001", R, "ويعمل في المصنع نحو 1200 عامل", "نقابة العاملين في الغزل والنسيج", "textile union", "asserts", [], {}),
    ("ar_001", R, "تكون قد تلقت طلبا رسميا بالإغلاق", "وزارة الصناعة", "ministry of industry", "denies", [], {}),
    ("ar_001", R, "أنها ستدرس أي طلب \"بعناية\"", "وزارة الصناعة", "ministry of industry", "confirms", [], {}),
    ("ar_001", R, "الشركة تلقت عرضا لشراء المصنع بقيمة 200 مليون جنيه", "تقارير صحفية", "reports", "hedges",
     [("confirms", "مسؤول في الشركة", "company official"), ("disputes", "مصادر في الوزارة", "ministry sources")], {}),
    ("ar_001", Q, "إغلاق المصنع كارثة لأسر المحلة، ولن نسكت عليه", "منى عبد الرحمن", "abdelrahman", "asserts", [], {}),
    ("ar_001", R, "العمال سيتلقون تعويضات تعادل أجر ستة أشهر", "مصادر نقابية", "union sources", "asserts", [], {}),
    ("ar_001", S, "ويعد المصنع واحدا من أقدم مصانع النسيج في مصر، إذ تأسس عام 1927.", None, None, "asserts", [], {}),
    # English, written and labelled the same way (tests/fixtures/en/en_004_airline.txt, not in gold.jsonl)
    ("en_004", S, "Airline scraps 30 routes as fuel bill soars", None, None, "asserts", [], {}),
    ("en_004", R, "Northwind Airways will cancel 30 routes from April", "the carrier", "carrier", "asserts", [], {}),
    ("en_004", Q, "We cannot fly planes half empty and pretend it is a business", "Lars Eriksen", "eriksen", "asserts", [], {}),
    ("en_004", R, "no jobs would be lost", "Lars Eriksen", "eriksen", "asserts", [("disputes", "pilots' representatives", "pilots")], {}),
    ("en_004", R, "about 250 pilots could be moved to other bases", "The Pilots' Association", "pilots association", "asserts", [], {}),
    ("en_004", R, "Northwind carried 11.2 million passengers last year", "aviation data firm SkyMetrics", "skymetrics", "asserts", [], {}),
    ("en_004", R, "the government had been warned in advance", "Ingrid Holm", "holm", "denies", [], {}),
    ("en_004", Q, "We will work with other airlines to fill the slots.", "A spokesman for the airport operator", "spokesman", "asserts", [], {}),
]


def _speaker_span(text: str, speaker: str, start: int, end: int, before: str | None, after: str | None = None) -> tuple[int, int]:
    if after:
        s = text.find(speaker, text.index(after, end))
        return s, s + len(speaker)
    if before:
        anchor = text.rfind(before, 0, start)
        if anchor < 0:
            raise SystemExit(f"anchor {before!r} not found before {start}")
        s = text.find(speaker, anchor)
        if s < 0 or s > start:
            raise SystemExit(f"speaker {speaker!r} not found after anchor {before!r}")
        return s, s + len(speaker)
    prev = text.rfind(speaker, 0, start)
    nxt = text.find(speaker, end)
    if prev >= 0 and start - prev <= 400:
        return prev, prev + len(speaker)
    if nxt >= 0:
        return nxt, nxt + len(speaker)
    if prev >= 0:
        return prev, prev + len(speaker)
    raise SystemExit(f"speaker {speaker!r} not found")


def build(seed_dir: Path, en_dir: Path | None = None, heldout_dir: Path | None = None) -> list[dict]:
    files = {p.name[:3]: p for p in sorted(seed_dir.glob("*.txt"))}
    entries = [(e, "ar") for e in GOLD]
    if en_dir is not None:
        files.update({p.name[:6]: p for p in sorted(en_dir.glob("*.txt"))})
        entries += [(e, "en") for e in GOLD_EN]
    if heldout_dir is not None:
        files = {p.name[:6]: p for d in (heldout_dir, Path("tests/fixtures/en")) for p in sorted(d.glob("*.txt"))}
        entries = [(e, "en" if e[0].startswith("en") else "ar") for e in GOLD_HELDOUT]
    rows = []
    for (prefix, kind, content, spk, name, stance, extra, opts), lang in entries:
        path = files[prefix]
        text = path.read_text(encoding="utf-8")
        lo = 0
        if "after" in opts:
            lo = text.index(opts["after"])
        start = text.find(content, lo)
        if start < 0:
            raise SystemExit(f"{prefix}: content not found: {content[:60]!r}")
        end = start + len(content)
        assert text[start:end] == content
        row = {"doc": path.stem, "lang": lang, "kind": kind, "text": content, "start": start, "end": end,
               "speaker": None, "stance": stance, "stances": []}
        if spk:
            s, e = _speaker_span(text, spk, start, end, opts.get("speaker_before"), opts.get("speaker_after"))
            row["speaker"] = {"text": spk, "start": s, "end": e, "name": name}
        row["stances"].append({"stance": stance, "source": row["speaker"]["name"] if spk else None})
        for st, src, src_name in extra:
            s, e = _speaker_span(text, src, start, end, None)
            if s < 0:
                raise SystemExit(f"stance source {src!r} not found")
            row["stances"].append({"stance": st, "source": src_name, "source_span": {"text": src, "start": s, "end": e}})
        rows.append(row)
    rows.sort(key=lambda r: (r["doc"], r["start"]))
    return rows


if __name__ == "__main__":
    seed_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "seeds")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "eval/extraction/gold.jsonl")
    en_dir = Path(sys.argv[3] if len(sys.argv) > 3 else "tests/fixtures/en")
    rows = build(seed_dir, en_dir if en_dir.exists() else None)
    heldout_dir = Path("tests/fixtures/ar")
    if heldout_dir.exists():
        held = build(seed_dir, None, heldout_dir)
        with (out.parent / "heldout.jsonl").open("w", encoding="utf-8") as f:
            for r in held:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(held)} held-out gold claims -> {out.parent / 'heldout.jsonl'}")
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} gold claims -> {out}")
