# Consigne — الكتالوج العربي. كل معرّف موجود أيضًا في fr.ftl (يتحقق من ذلك اختبار).
# "relais" = "جهة الدعم" (الجمع: جهات الدعم). الكتابة من اليمين إلى اليسار.
# مثال اسم المستخدم: الاسم.اللقب.31121990 (الأرقام الثمانية = تاريخ الميلاد، يوم شهر سنة).

skip-to-content = انتقل إلى المحتوى
language-label = اللغة
action-change-language = موافق
action-logout = تسجيل الخروج
demo-banner = نسخة تجريبية: يدخل المهنيون والمسؤولون دون عامل تحقق ثانٍ. لا تضع هنا أوراقًا حقيقية.
footer-text = Consigne — أوراقك في أمان. أنت تقرر من يرى ماذا.

error-title = حدثت مشكلة
not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة أو لا يمكنك رؤيتها.
action-back-home = العودة إلى الصفحة الرئيسية

error-invalid-credentials = اسم المستخدم أو كلمة المرور غير صحيح. تحقق وحاول مرة أخرى. نسيت كلمة المرور؟ استخدم رمز الاسترجاع أو اطلب المساعدة من جهة الدعم الخاصة بك.
error-throttled = { $minutes ->
    [one] محاولات كثيرة جدًا. انتظر دقيقة واحدة ثم حاول مرة أخرى.
    [two] محاولات كثيرة جدًا. انتظر دقيقتين ثم حاول مرة أخرى.
    [few] محاولات كثيرة جدًا. انتظر { $minutes } دقائق ثم حاول مرة أخرى.
    [many] محاولات كثيرة جدًا. انتظر { $minutes } دقيقة ثم حاول مرة أخرى.
   *[other] محاولات كثيرة جدًا. انتظر { $minutes } دقيقة ثم حاول مرة أخرى.
}
error-wrong-code = الرمز غير صحيح. اكتب الأرقام الستة الظاهرة الآن في تطبيقك.
error-not-found = غير موجود.
error-forbidden = لا يمكن لحسابك القيام بهذا.
error-access-pending = يجب أن يسجّل زميل من مؤسستك الدخول مرة واحدة ليمنحك الوصول إلى ملفاتها.
error-consent = ضع علامة في المربع لتأكيد موافقة الشخص.
error-email-taken = يوجد حساب بهذا البريد الإلكتروني من قبل.
error-storage-full = مساحة التخزين ممتلئة. حاول لاحقًا أو أخبر جهة الدعم الخاصة بك.
error-session-expired = تم تسجيل خروجك. سجّل الدخول مرة أخرى.
error-internal = حدثت مشكلة من جهتنا. حاول مرة أخرى بعد قليل.
error-form-expired = انتهت صلاحية هذا النموذج. حاول مرة أخرى.
error-password-too-short = كلمة المرور قصيرة جدًا: 8 أحرف على الأقل.
error-password-too-long = كلمة المرور طويلة جدًا.
error-password-too-weak = كلمة المرور سهلة التخمين. جملة من بضع كلمات قوية وسهلة التذكر.
error-password-common = كلمة المرور شائعة جدًا. اختر جملة لا يعرفها أحد غيرك.
error-password-personal = يجب ألا تحتوي كلمة المرور على اسمك أو تاريخ ميلادك.
# تأتي هذه الرسائل بعد اسم الحقل: «الاسم الأول — حقل مطلوب.»
error-input-required = — حقل مطلوب.
error-input-invalid-name = — قيمة غير صحيحة.
error-input-invalid-date = — تاريخ غير صحيح (يوم/شهر/سنة).
error-input-invalid-email = — عنوان بريد إلكتروني غير صحيح.
error-input-too-long = — النص طويل جدًا.
error-input-invalid-phone = — رقم غير صحيح. اكتبه هكذا مثلاً: 06 12 34 56 78 أو ‎+44 20 7946 0958 أو 115.
error-input-unsupported-language = — هذه اللغة غير متوفرة.
error-input-invalid-kind = — قيمة غير صحيحة.
error-input-invalid-role = — قيمة غير صحيحة.
error-input-invalid-identifier = — غير صحيح. اكتبه بالحروف اللاتينية، مثلاً: amina.benali.14021990
error-input-invalid-amount = — يجب أن يكون عددًا صحيحًا من اليوروهات.

field-first-name = الاسم الأول
field-last-name = اسم العائلة
field-birth-date = تاريخ الميلاد
field-phone = الهاتف
field-language = اللغة
field-email = البريد الإلكتروني
field-display-name = الاسم
field-name = الاسم
field-city = المدينة
field-kind = النوع
field-role = الدور
field-identifier = اسم المستخدم
field-password = كلمة المرور
field-annual-budget-eur = الميزانية السنوية (باليورو)
field-budget = الميزانية السنوية (باليورو)
field-structure-name = اسم المؤسسة
field-structure-kind = نوع المؤسسة
optional = (اختياري)
password-rules = 8 أحرف على الأقل. الأفضل جملة من بضع كلمات. بدون اسم وبدون تاريخ ميلاد.

login-title = تسجيل الدخول
login-identifier = اسم المستخدم
login-identifier-hint = مثال: amina.benali.14021990 (الاسم.اللقب ثم تاريخ ميلادك: يوم شهر سنة، بالحروف اللاتينية). المهنيون: بريدكم الإلكتروني
login-password = كلمة المرور
action-login = دخول
login-forgot = نسيت كلمة المرور؟
login-no-account = ليست لديك خزنة بعد؟ يمكن لمؤسسة شريكة (مركز استقبال نهاري، CCAS، جمعية) أن تفتح لك خزنة معك.

totp-title = رمز الأمان
totp-code = الرمز المكوّن من 6 أرقام من تطبيق المصادقة
action-continue = متابعة
enroll-title = تفعيل عامل التحقق الثاني
enroll-text = امسح هذا الرمز بتطبيق مصادقة (مثل FreeOTP أو Aegis)، ثم اكتب الأرقام الستة التي يعرضها.
enroll-manual = لا يمكنك المسح؟ أدخل هذا المفتاح في التطبيق:
action-confirm = تأكيد
action-retry = حاول مرة أخرى

recover-title = استرجاع كلمة المرور
recover-text = استخدم رمز الاسترجاع المطبوع على ورقتك لاختيار كلمة مرور جديدة.
recover-source = أي رمز لديك؟
recover-source-sheet = الرمز المكتوب على ورقة الاسترجاع الخاصة بي
recover-source-relay = رمز أعطتني إياه جهة الدعم الآن
recover-code = رمز الاسترجاع
recover-code-hint = الرمز المكتوب على ورقتك، مثلًا ABCD-EFGH-…
recover-new-password = كلمة المرور الجديدة
action-recover = اعتماد كلمة المرور هذه
recover-no-code = ليس لديك الرمز؟ اذهب إلى جهة الدعم الخاصة بك: يمكن لأخصائي اجتماعي مساعدتك هناك حضوريًا.
recover-done-title = تم حفظ كلمة المرور الجديدة
action-print = طباعة

logout-title = تم تسجيل خروجك
logout-text = لم يبقَ شيء من خزنتك على هذا الجهاز. يمكنك إغلاق هذه الصفحة.

home-title = خزنتي
home-hello = مرحبًا { $name }
home-sections = أقسامي
home-invitations = { $count ->
    [zero] لا توجد مؤسسة تريد متابعتك.
    [one] مؤسسة واحدة تريد متابعتك.
    [two] مؤسستان تريدان متابعتك.
    [few] { $count } مؤسسات تريد متابعتك.
    [many] { $count } مؤسسة تريد متابعتك.
   *[other] { $count } مؤسسة تريد متابعتك.
}
notice-failed-logins = { $count ->
    [one] منذ زيارتك الأخيرة، حاول شخص ما الدخول إلى خزنتك مرة واحدة دون نجاح.
    [two] منذ زيارتك الأخيرة، حاول شخص ما الدخول إلى خزنتك مرتين دون نجاح.
    [few] منذ زيارتك الأخيرة، حاول شخص ما الدخول إلى خزنتك { $count } مرات دون نجاح.
    [many] منذ زيارتك الأخيرة، حاول شخص ما الدخول إلى خزنتك { $count } مرة دون نجاح.
   *[other] منذ زيارتك الأخيرة، حاول شخص ما الدخول إلى خزنتك { $count } مرة دون نجاح.
} إذا لم تكن أنت، غيّر كلمة المرور في «حسابي».
notice-recovered = تم تغيير كلمة مرورك باستخدام رمز الاسترجاع يوم { $date }. إذا لم تكن أنت، اذهب بسرعة إلى جهة الدعم الخاصة بك.
notice-password-changed = تم تغيير كلمة مرورك يوم { $date }. إذا لم تكن أنت، اذهب بسرعة إلى جهة الدعم الخاصة بك.
action-see = عرض
section-relais = جهات الدعم الخاصة بي
section-settings = حسابي

relais-intro = جهات الدعم هي المؤسسات التي تتابعك. لكل واحدة منها، ترى ما يمكنها رؤيته.
relais-none = ليست لديك أي جهة دعم حاليًا.
relais-since = منذ { $date }
relais-recovery = يمكن لجهة الدعم هذه مساعدتك حضوريًا على استعادة الدخول إلى خزنتك.
relais-sees = ما تراه جهة الدعم هذه:
relais-sees-identity = اسمك وتاريخ ميلادك وهاتفك ولغتك.
action-leave = مغادرة جهة الدعم هذه
reset-title = إعادة تعيين كلمة المرور حضوريًا
action-start-reset = بدء إعادة التعيين
reset-give = أعطِ هذا الرمز للشخص (اكتبه أو اطبعه). أنت لا ترى كلمة مروره ولا تختارها أبدًا.
reset-step-1 = في صفحة تسجيل الدخول، يختار الشخص «نسيت كلمة المرور؟».
reset-step-2 = يكتب اسم المستخدم، ويختار «رمز أعطتني إياه جهة الدعم الآن»، ثم يكتب هذا الرمز.
reset-valid-until = صالح لمرة واحدة، حتى { $date }
reset-not-recovery-relay = مؤسستك ليست من جهات الدعم التي اختارها الشخص لمساعدته على استعادة الدخول. يمكنه اختيارها في «جهات الدعم الخاصة بي».
action-recovery-on = السماح لجهة الدعم هذه بمساعدتي على استعادة الدخول إلى خزنتي
action-recovery-off = إيقاف السماح لجهة الدعم هذه بمساعدتي على استعادة الدخول إلى خزنتي
invitations-title = الدعوات
invitation-text = { $structure } تريد متابعتك.
action-accept = قبول
action-decline = رفض
leave-question = مغادرة { $structure }؟
leave-text = لن ترى هذه المؤسسة أي شيء من خزنتك بعد الآن. يمكنها أن تدعوك مرة أخرى لاحقًا.
action-leave-confirm = نعم، مغادرة
action-cancel = إلغاء

settings-language = اللغة
settings-password = كلمة المرور
settings-current-password = كلمة المرور الحالية
settings-new-password = كلمة المرور الجديدة
settings-password-changed = تم تغيير كلمة المرور. أُغلقت جلساتك الأخرى.
action-save = حفظ

pro-title = مؤسستي
pro-no-structure = لست عضوًا في أي مؤسسة بعد.
pro-mediation = مؤسسة وساطة: يمكنك فتح خزنات، لكنك لا ترى محتوى أي شخص.
pro-followed = { $count ->
    [zero] لا أحد تحت المتابعة
    [one] شخص واحد تحت المتابعة
    [two] شخصان تحت المتابعة
    [few] { $count } أشخاص تحت المتابعة
    [many] { $count } شخصًا تحت المتابعة
   *[other] { $count } شخص تحت المتابعة
}
pro-followed-none = لا أحد حاليًا.
pro-invite-label = دعوة شخص لديه خزنة من قبل (اسم المستخدم)
action-invite = دعوة
action-open-safe = فتح خزنة
team-title = الفريق
invite-sent-title = تم إرسال الدعوة
invite-sent-text = إذا كان اسم المستخدم هذا موجودًا، سيرى الشخص الدعوة عند دخوله القادم.

open-title = فتح خزنة
open-intro = مع الشخص وبموافقته. سيدخل باسم المستخدم وكلمة المرور الخاصين به.
open-password-legend = كلمة المرور
open-password-typed = الشخص يكتب كلمة المرور بنفسه
open-password-generate = إنشاء عبارة مرور من 5 كلمات
open-password-field = كلمة المرور التي كتبها الشخص
open-consent = الشخص يوافق على أن تكون له خزنة، وقد أُبلغ بمن يستطيع رؤية ماذا.

sheet-title = ورقة الاسترجاع
sheet-identifier = اسم المستخدم
sheet-recovery-code = رمز الاسترجاع
sheet-lost-title = إذا نسيت كلمة المرور
sheet-lost-1 = افتح { $address } (أو امسح الرمز) واختر «{ $forgot }».
sheet-lost-2 = اكتب اسم المستخدم ورمز الاسترجاع هذا، ثم اختر كلمة مرور جديدة.
sheet-lost-3 = ضاعت الورقة؟ اذهب إلى جهة الدعم الخاصة بك: يمكن لأخصائي اجتماعي مساعدتك هناك حضوريًا.
sheet-keep = احتفظ بهذه الورقة في مكان آمن، بعيدًا عن هاتفك. لا أحد في Consigne يستطيع قراءة خزنتك.
sheet-passphrase-title = كلمة المرور
sheet-passphrase-text = أرِ الشخص كلمة المرور هذه ليحفظها أو يكتبها. لا تُطبع على الورقة.
sheet-print-hint = للطباعة، استخدم قائمة «طباعة» في المتصفح.
action-done = تم

team-empty = لا يوجد أي مهني حاليًا.
team-pending = الوصول قيد الانتظار
team-add = إضافة مهني
team-initial-password = كلمة المرور الأولى
team-added = تمت إضافة { $name }.
role-member = عضو
role-admin = مسؤول المؤسسة
action-add = إضافة

admin-title = المؤسسات
admin-structures = المؤسسات الشريكة
admin-no-structure = لا توجد أي مؤسسة حاليًا.
admin-create = تسجيل مؤسسة
structure-kind-relay = جهة دعم (تتابع أشخاصًا)
structure-kind-mediation = وساطة (تفتح خزنات، ولا ترى أي محتوى)
action-create = تسجيل

# Documents and journal
section-documents = أوراقي
section-journal = سجلّي
doc-folders = المجلدات
doc-none = لا يوجد أي مستند هنا حاليًا. صوّر ورقة أو أضف ملفًا في الأسفل.
doc-none-shared = لا يشارك هذا الشخص أي مستند مع مؤسستك.
doc-shared-with-you = مستندات مشتركة مع مؤسستك
doc-type-pdf = PDF
doc-type-photo = صورة
doc-expires = تنتهي صلاحيته يوم { $date }
doc-add-title = إضافة ملف
doc-file = الملف
doc-file-hint = صورة (JPEG أو PNG أو WebP) أو ملف PDF، بحجم { $max } ميغابايت على الأكثر.
doc-name = اسم المستند
doc-add-submit = إضافة إلى خزنتي
doc-new-folder = مجلد جديد
doc-folder-name = اسم المجلد
doc-folder = المجلد
doc-expiry = تاريخ انتهاء الصلاحية
doc-edit = الاسم، النوع، المجلد، تاريخ انتهاء الصلاحية
doc-download = تنزيل
doc-shared-computer-warning = على حاسوب مشترك، يبقى الملف الذي نزّلته في مجلد «التنزيلات»: احذفه بعد استخدامه.
doc-who-sees = من يرى هذا المستند
doc-private-no-relais = أنت فقط: ليست لديك أي جهة دعم.
doc-share-legend = المشاركة مع جهات الدعم الخاصة بي
doc-added-by = أُضيف يوم { $date } ({ $who }).
doc-delete = حذف هذا المستند
doc-delete-question = حذف «{ $name }»؟
doc-delete-text = سيُمحى المستند نهائيًا، بالنسبة إليك وإلى جهات الدعم الخاصة بك.
doc-delete-confirm = نعم، حذف
doc-no-preview = لا توجد معاينة لهذا المستند. نزّله لقراءته.
doc-pages = صفحات المستند
doc-page-alt = الصفحة { $n } من { $total }
doc-pages-partial = تُعرض الصفحات الأولى: { $shown } من { $total }. نزّل المستند لرؤية الباقي.
pro-doc-back = العودة إلى ملف الشخص
relais-sees-documents = { $count ->
    [zero] لا يوجد أي مستند تشاركه معها.
    [one] مستند واحد تشاركه معها.
    [two] مستندان تشاركهما معها.
    [few] { $count } مستندات تشاركها معها.
    [many] { $count } مستندًا تشاركها معها.
   *[other] { $count } مستند تشاركها معها.
}
error-unsupported-type = هذا النوع من الملفات غير مقبول. أرسل صورة (JPEG أو PNG أو WebP) أو ملف PDF.
error-file-too-large = الملف كبير جدًا ({ $max } ميغابايت على الأكثر). التقط صورة جديدة أو اطلب المساعدة من جهة الدعم الخاصة بك.
error-pdf-not-checkable = ملف PDF هذا كبير جدًا لتنظيفه هنا (أكثر من { $max } ميغابايت)، وفيه برامج نصية أو ملفات مرفقة أو أجزاء لا نستطيع فحصها. احفظه من جديد كملف PDF («طباعة» ثم «حفظ كملف PDF») أو أرسله في عدة ملفات أصغر.
error-photo-too-large = هذه الصورة كبيرة جدًا (أكثر من { $max } ميغابايت). التقطها مرة أخرى بدقة أقل، أو أرسلها كملف PDF.
error-too-many-files = صور كثيرة جدًا في مرة واحدة (20 على الأكثر).
error-quota = خزنتك ممتلئة. احذف المستندات التي لم تعد تحتاج إليها.
error-input-damaged-file = — ملف تالف أو ناقص. حاول مرة أخرى بنسخة أخرى.
error-input-malformed-upload = — لم يصل كاملًا. حاول مرة أخرى.
field-file = الملف
journal-intro = كل ما حدث في خزنتك: من فتح أو غيّر ماذا، ومتى.
journal-you = أنت
journal-someone = شخص ما
journal-deleted-document = مستند محذوف
journal-login-success = تسجيل الدخول ({ $who }).
journal-login-failure = حاول شخص ما الدخول إلى خزنتك دون نجاح.
journal-safe-opened-success = تم فتح خزنتك ({ $who }).
journal-profile-viewed-success = تم الاطلاع على معلوماتك ({ $who }).
journal-invitation-sent-success = تم إرسال دعوة لمتابعتك ({ $who }).
journal-invitation-accepted-success = تم قبول دعوة ({ $who }).
journal-invitation-declined-success = تم رفض دعوة ({ $who }).
journal-relay-left-success = تمت مغادرة جهة دعم ({ $who }).
journal-password-changed-success = تم تغيير كلمة المرور ({ $who }).
journal-recovered-with-code-success = تم تغيير كلمة المرور باستخدام رمز الاسترجاع.
journal-recovered-in-person-success = تم تغيير كلمة المرور لدى جهة الدعم الخاصة بك.
journal-reset-started-success = طُلبت إعادة تعيين كلمة مرورك ({ $who }).
journal-recovery-relay-added-success = أصبح بإمكان جهة دعم المساعدة على استعادة الدخول ({ $who }).
journal-recovery-relay-removed-success = لم يعد بإمكان جهة دعم المساعدة على استعادة الدخول ({ $who }).
journal-document-uploaded-success = تمت إضافة «{ $what }» ({ $who }).
journal-document-viewed-success = تم عرض «{ $what }» ({ $who }).
journal-document-downloaded-success = تم تنزيل «{ $what }» ({ $who }).
journal-document-renamed-success = تمت إعادة تسمية «{ $what }» ({ $who }).
journal-document-moved-success = تم نقل «{ $what }» ({ $who }).
journal-document-expiry-set-success = تم تغيير تاريخ انتهاء صلاحية «{ $what }» ({ $who }).
journal-document-deleted-success = تم حذف مستند ({ $who }).
journal-document-shared-success = تمت مشاركة «{ $what }» مع جهة دعم ({ $who }).
journal-document-unshared-success = تم إيقاف مشاركة «{ $what }» ({ $who }).
journal-viewed-times = تم عرض «{ $what }» { $count } مرات ({ $who }).
journal-shared-with = تمت مشاركة «{ $what }» مع { $relais } ({ $who }).
journal-unshared-with = تم إيقاف مشاركة «{ $what }» مع { $relais } ({ $who }).
journal-folder-created-success = تم إنشاء مجلد ({ $who }).
journal-folder-deleted-success = تم حذف مجلد ({ $who }).
journal-document-exported-success = تم نسخ «{ $what }» في نسخة مُصدَّرة من الخزنة ({ $who }).
export-title = أخذ كل شيء معي
export-text = ملف واحد (ZIP) فيه كل مستنداتك، وملف data.json فيه كل الباقي، وقائمة بصمات رقمية للتحقق من أن شيئًا لم يتغير.
export-download = تنزيل خزنتي
delete-account-title = حذف خزنتي
delete-account-text = يُمحى كل شيء نهائيًا: مستنداتك، وروابطك بجهات الدعم، وحسابك. نزّل خزنتك أولًا إذا أردت الاحتفاظ بنسخة منها.
delete-account-password = كلمة مرورك، للتأكيد
delete-account-confirm = حذف كل شيء
delete-account-done-title = تم حذف خزنتك
delete-account-done-text = لم يبقَ منها شيء. يمكن لمؤسسة شريكة أن تفتح معك خزنة جديدة في أي وقت.
doc-page-up = نقل الصفحة إلى الأعلى
doc-page-down = نقل الصفحة إلى الأسفل
doc-folder-edit = إعادة تسمية هذا المجلد أو نقله
doc-folder-delete-hint = ما يحتويه يعود إلى « أوراقي »: لا تضيع أي وثيقة.
doc-folder-delete = حذف هذا المجلد
error-folder-cycle = لا يمكن وضع مجلد داخل أحد مجلداته الفرعية.

## Contacts, notes and appointments
section-contacts = جهات الاتصال الخاصة بي
section-notes = ملاحظاتي
section-events = مواعيدي
contact-add = إضافة جهة اتصال
note-add = إضافة ملاحظة
event-add = إضافة موعد
contact-none = لا توجد جهات اتصال بعد.
note-none = لا توجد ملاحظات بعد.
event-none = لا توجد مواعيد بعد.
contact-none-shared = لا يشارك هذا الشخص أي جهة اتصال مع مؤسستك.
note-none-shared = لا يشارك هذا الشخص أي ملاحظة مع مؤسستك.
event-none-shared = لا يشارك هذا الشخص أي موعد مع مؤسستك.
contact-shared-with-you = جهات الاتصال المشتركة مع مؤسستك
note-shared-with-you = الملاحظات المشتركة مع مؤسستك
event-shared-with-you = المواعيد المشتركة مع مؤسستك
note-list-hint = نص الملاحظة مخفي هنا: افتح الملاحظة لقراءته.
event-upcoming = القادمة
event-past = السابقة
event-reminder-1440 = رسالة SMS قبل يوم واحد
event-reminder-120 = رسالة SMS قبل ساعتين
event-reminder-minutes = رسالة SMS قبل { $minutes } دقيقة
item-edit = تعديل
item-delete = حذف
item-delete-question = حذف «{ $name }»؟
item-delete-text = سيُمحى نهائيًا، لك ولجهات الدعم الخاصة بك.
item-delete-confirm = نعم، احذف
item-who-sees = من يرى هذا
item-added-by = أضافه { $who } في { $date }.
item-back-to-file = العودة إلى ملف الشخص
field-title = العنوان
field-body = النص
field-address = العنوان البريدي
field-comment = تعليق
field-date = التاريخ
field-time = الساعة
field-starts-at = التاريخ والساعة
field-location = المكان
field-reminders = التذكيرات
error-input-invalid = — قيمة غير صالحة.
error-input-invalid-datetime = — التاريخ والساعة غير صالحين.
error-input-invalid-reminder = — تذكير غير صالح.
error-input-too-many-reminders = — 5 تذكيرات كحد أقصى.
relais-sees-contacts = جهات الاتصال التي تشاركها معها: { $count }
relais-sees-notes = الملاحظات التي تشاركها معها: { $count }
relais-sees-events = المواعيد التي تشاركها معها: { $count }
journal-deleted-item = عنصر حُذف لاحقًا
journal-contact-created-success = تمت إضافة جهة الاتصال «{ $what }» ({ $who }).
journal-contact-viewed-success = تم فتح جهة الاتصال «{ $what }» ({ $who }).
journal-contact-updated-success = تم تعديل جهة الاتصال «{ $what }» ({ $who }).
journal-contact-deleted-success = تم حذف جهة اتصال ({ $who }).
journal-contact-shared-success = تمت مشاركة جهة الاتصال «{ $what }» مع جهة دعم ({ $who }).
journal-contact-unshared-success = توقفت مشاركة جهة الاتصال «{ $what }» ({ $who }).
journal-note-created-success = تمت إضافة الملاحظة «{ $what }» ({ $who }).
journal-note-viewed-success = تم فتح الملاحظة «{ $what }» ({ $who }).
journal-note-updated-success = تم تعديل الملاحظة «{ $what }» ({ $who }).
journal-note-deleted-success = تم حذف ملاحظة ({ $who }).
journal-note-shared-success = تمت مشاركة الملاحظة «{ $what }» مع جهة دعم ({ $who }).
journal-note-unshared-success = توقفت مشاركة الملاحظة «{ $what }» ({ $who }).
journal-event-created-success = تمت إضافة الموعد «{ $what }» ({ $who }).
journal-event-viewed-success = تم فتح الموعد «{ $what }» ({ $who }).
journal-event-updated-success = تم تعديل الموعد «{ $what }» ({ $who }).
journal-event-deleted-success = تم حذف موعد ({ $who }).
journal-event-shared-success = تمت مشاركة الموعد «{ $what }» مع جهة دعم ({ $who }).
journal-event-unshared-success = توقفت مشاركة الموعد «{ $what }» ({ $who }).
sms-event-reminder = Consigne: لديك موعد يوم { $date } الساعة { $time }. التفاصيل في خزنتك.
sms-expiry-reminder = Consigne: إحدى وثائقك تنتهي صلاحيتها بعد { $days } يومًا. افتح خزنتك لتجديدها في الوقت المناسب.
reminder-status-scheduled = مجدول
reminder-status-sent = أُرسل
reminder-status-delivered = وصل
reminder-status-failed = لم يصل
home-expiring-title = وثائق يجب تجديدها قريبًا
home-expiring-item = { $name }: تنتهي في { $date }
home-expired-item = { $name }: انتهت في { $date }
home-expiring-more = … و{ $count } أخرى: انظر وثائقي
agenda-download = تنزيل مفكرتي (ملف ‎.ics)
contacts-download = تنزيل جهات اتصالي (ملف ‎.vcf)
feed-title = مواعيدي على هاتفي
feed-open = عرض مواعيدي في تقويم هاتفي
feed-intro = يمكن لتقويم هاتفك أن يعرض مواعيدك ويحدّثها. يستعمل رابطًا خاصًا: احتفظ به لنفسك.
feed-none = ليس لديك رابط خاص بعد.
feed-create = إنشاء رابطي الخاص
feed-created = رابطك الخاص جاهز.
feed-subscribe = إضافة إلى تقويم هاتفي
feed-link-label = رابطي الخاص
feed-qr-hint = أو امسح هذا الرمز بهاتفك.
feed-warning = كل من لديه هذا الرابط يرى مواعيدك (وليس وثائقك). إذا أعطيته خطأً، أوقفه.
feed-hidden = لا يمكن عرض هذا الرابط هنا مرة أخرى. أنشئ رابطًا جديدًا إذا احتجت إليه.
feed-last-read = آخر قراءة من تقويم: { $when }
feed-never-read = لم يقرأه أي تقويم بعد.
feed-renew = إنشاء رابط جديد (يتوقف القديم)
feed-revoke = إيقاف هذا الرابط
feed-revoked = تم إيقاف الرابط. لم يعد بإمكان أي تقويم قراءة مواعيدك به.
journal-calendar-feed-created-success = أنشأ { $who } رابط تقويم خاصًا.
journal-calendar-feed-revoked-success = أوقف { $who } رابط التقويم الخاص.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = يحتاج حسابك المهني إلى عامل تحقق ثانٍ. تابع للحصول على المفتاح الذي تدخله في تطبيق المصادقة.
# issue 11: members
error-access-pending-approval = يجب أولاً أن يوافق على دخولك مسؤولٌ في مؤسستك يملك مفتاحها.
error-account-deactivated = عطّلت مؤسستك هذا الحساب. اسأل مسؤولها إن كان ذلك خطأً.
error-last-key-holder = هذا آخر عضو يملك مفتاح المؤسسة: وافق أولاً على عضو آخر، وإلا لن يستطيع أحد فتح ما يشاركه الناس مع المؤسسة.
error-member-not-pending = هذا العضو لم يعد ينتظر الموافقة.
error-key-not-held = لا تملك مفتاح المؤسسة بعد.
team-pending-title = بانتظار الموافقة
team-approve-hint = لا توافق إلا على زميلة تعرفها، بعد التحقق معها شخصياً: الموافقة تمنحها مفتاح كل ما يشاركه الناس مع المؤسسة.
team-pending-hint = يجب أن يوافق على هؤلاء الأعضاء مسؤولٌ في المؤسسة يملك مفتاحها قبل أن يروا أي شيء.
team-requested = طلبه { $name } في { $date }
team-requested-unknown = شخص ما
team-approve = موافقة
team-refuse = رفض
team-no-key = بلا مفتاح
team-deactivate = تعطيل
team-deactivate-hint = تعطيل عضو ينهي جلساته فوراً ويزيل وصوله ويجدّد مفتاح المؤسسة. يبقى اسمه في السجلات.
team-former-title = أعضاء سابقون
team-deactivated-on = عُطّل في { $date }
team-add-pending-hint = لا تملك مفتاح المؤسسة: سينتظر العضو الجديد حتى يوافق عليه مسؤول يملكه.
team-added-pending = أُضيف { $name } وهو ينتظر موافقة أحد المسؤولين.
team-approved = تمت الموافقة على العضو: صار بإمكانه الوصول إلى ملفات المؤسسة.
team-deactivated = عُطّل العضو: انتهت جلساته ويجري تجديد مفتاح المؤسسة.
journal-member-added-success = أضاف { $who } عضواً إلى المؤسسة.
journal-member-requested-success = طلب { $who } إضافة عضو إلى المؤسسة.
journal-member-approved-success = وافق { $who } على عضو في المؤسسة.
journal-member-deactivated-success = عطّل { $who } عضواً في المؤسسة.
journal-structure-key-rotated-success = جُدّد مفتاح المؤسسة.
# issue 11: reset
reset-intro-confirmed = فقد الشخص كلمة المرور وورقة الاسترجاع؟ وهو أمامك، اطلب إعادة التعيين. يجب أن يؤكدها زميل أو زميلة من جهتك؛ عندها يُعطى الرمز للشخص، وهو يختار كلمة المرور الجديدة بنفسه.
reset-awaiting-text = تم طلب إعادة التعيين. يجب أن يؤكدها زميل أو زميلة من جهتك من صفحته الرئيسية: عندها يظهر له الرمز ليعطيه للشخص.
reset-delayed-text = أنت العضو الوحيد في جهتك الذي يمكنه تأكيدها. لحماية الشخص، لا يمكن إنشاء الرمز إلا ابتداءً من { $date }. عُد معه في ذلك الوقت: سيكون الطلب في صفحتك الرئيسية.
reset-she-is-told = تم إبلاغ الشخص (برسالة SMS إذا كان رقمه معروفًا، وفي صفحته). يمكنه إلغاؤها.
reset-step-3-new-sheet = يختار كلمة المرور الجديدة، ويسجّل الدخول، ويطبع ورقة استرجاع جديدة.
resets-pending-title = طلبات إعادة تعيين تنتظر التأكيد
resets-pending-item = { $person }: طلبها { $who } يوم { $date }.
resets-confirmed = تم تأكيدها من قبل: أُعطي الرمز مرة واحدة.
resets-delayed-until = أنت وحدك يمكنك تأكيدها، ابتداءً من { $date }.
resets-needs-colleague = يجب أن يؤكدها عضو آخر في الجهة.
action-confirm-reset = تأكيد وإظهار الرمز
action-cancel-reset = إلغاء إعادة التعيين هذه
notice-reset-started = طُلبت إعادة تعيين كلمة مرورك لدى { $structure } يوم { $date }.
notice-reset-delayed = لا يمكن استعمالها قبل { $date }.
notice-reset-not-you = إذا لم تطلبها أنت، ألغِها الآن.
notice-new-sheet = رمز الاسترجاع الخاص بك لم يعد يعمل. اطبع الآن ورقة استرجاع جديدة واحفظها في مكان آمن.
action-new-sheet = إنشاء ورقة الاسترجاع الجديدة
new-sheet-title = ورقة استرجاع جديدة
new-sheet-text = هذا ينشئ رمز استرجاع جديدًا؛ والرمز القديم يتوقف عن العمل. اطبع الورقة أو اكتب الرمز، واحفظه في مكان آمن، بعيدًا عن هاتفك.
new-sheet-login-again = لحمايتك، سجّل الخروج ثم سجّل الدخول من جديد، ثم عُد لإنشاء ورقتك.
phone-title = رقم هاتفي
phone-text = يُستعمل فقط لإرسال التذكيرات ورسائل الأمان إليك (مثلًا إذا طلب أحدهم إعادة تعيين كلمة مرورك). اتركه فارغًا لحذفه.
phone-hint = مثلًا 06 12 34 56 78
phone-pro-text = لا تغيّره إلا مع الشخص. سيراه في سجله؛ ويصل إلى رقمه القديم إشعار.
open-recovery-legend = هل يمكن لجهتك مساعدته على استعادة الدخول إلى خزنته؟
open-recovery-consequence = اسأله. إذا وافق، ستتمكن جهة الدعم هذه من مساعدته على الدخول من جديد إذا فقد كلمة المرور والورقة؛ وفي أسوأ الحالات، قد تتمكن من فتح خزنته. يمكنه تغيير رأيه في أي وقت في «جهات الدعم الخاصة بي».
open-recovery-yes = نعم، يمكن لجهة الدعم هذه مساعدته على استعادة الدخول
open-recovery-no = لا
open-recovery-required = حدّد ما إذا كان يمكن لجهة الدعم هذه مساعدته على استعادة الدخول.
relais-recovery-consequence = جهة الدعم المسموح لها بمساعدتك يمكنها إعادة الدخول إليك إذا فقدت كلمة المرور والورقة؛ وفي أسوأ الحالات، قد تتمكن من فتح خزنتك. يتم إبلاغك في كل مرة، ويمكنك الإلغاء.
recover-done-new-sheet = تم تغيير كلمة مرورك. رمز الاسترجاع القديم لم يعد يعمل: سجّل الدخول الآن واطبع ورقة استرجاع جديدة.
sms-reset-started = Consigne: طلب أحدهم إعادة تعيين الدخول إلى خزنتك. إذا لم تكن أنت، سجّل الدخول وألغِها.
sms-phone-changed = Consigne: تم تغيير رقم الهاتف الخاص بخزنتك. إذا لم تكن أنت، تحدّث مع جهة الدعم الخاصة بك.
journal-reset-confirmed-success = تم تأكيد إعادة تعيين كلمة المرور ({ $who }).
journal-reset-cancelled-success = تم إلغاء إعادة تعيين كلمة المرور ({ $who }).
journal-recovery-code-renewed-success = تمت طباعة ورقة استرجاع جديدة، والرمز القديم لم يعد يعمل ({ $who }).
journal-phone-changed-success = تم تغيير رقم الهاتف ({ $who }).
journal-phone-removed-success = تم حذف رقم الهاتف ({ $who }).
# issue 11: media (image and PDF bombs)
error-image-too-large = تحتوي هذه الصورة على عدد كبير جدًا من البكسلات بحيث لا يمكن معالجتها هنا (أكثر من { $max } ميغابكسل، أو ألوان كثيرة جدًا لكل بكسل). أعد التقاط الصورة بدقة أقل، أو أرسلها بصيغة PDF.
error-pdf-too-complex = ملف PDF هذا ينفكّ ضغطه إلى كمية كبيرة جدًا من البيانات بحيث لا يمكن معالجته هنا. احفظه مرة أخرى بصيغة PDF (طباعة، ثم حفظ بصيغة PDF) أو أرسله في عدة ملفات أصغر.
# issue 11: requests
error-field-too-long = أحد حقول النموذج طويل جدًا (الاسم مثلًا): اختصره وأرسل مرة أخرى.
error-scan-too-large = هذه الصور كبيرة جدًا معًا (أكثر من { $max } ميغابايت): أرسل صفحات أقل في كل مرة، أو التقطها بدقة أقل.
# issue 12: paginated lists, the professional's search
pager-label = صفحات القائمة
pager-previous = الصفحة السابقة
pager-next = الصفحة التالية
pager-position = الصفحة { $page }
field-page = رقم الصفحة
error-input-invalid-page = يجب أن يكون عددًا صحيحًا من 1 إلى 100000.
pro-search-label = ابحث عن شخص (اللقب أو الاسم أو المعرّف أو تاريخ الميلاد)
action-search = بحث
pro-search-clear = مسح البحث
pro-search-none = لا أحد يطابق هذا البحث.
pro-search-found = { $count ->
    [one] تم العثور على شخص واحد
   *[other] تم العثور على { $count } أشخاص
}

## Times (local, to the minute)
time-zone-name = بتوقيت { $city }
times-note = الأوقات بتوقيت { $city }.

## The printed recovery sheet, a structure's phone
sheet-address = عنوان الموقع
sheet-qr-label = امسح هذا الرمز بهاتفك: يفتح صفحة الدخول.
sheet-relay = جهة الدعم الخاصة بك، التي يمكنها مساعدتك حضوريًا
sheet-made = أُعدّت هذه الورقة في { $date }.
field-structure-phone = هاتف المؤسسة
structure-phone-hint = يُطبع على ورقة الاسترجاع للأشخاص الذين اختاروا مؤسستكم لمساعدتهم على استعادة الوصول إلى خزنتهم.
structure-phone-saved = تم حفظ رقم المؤسسة.
journal-structure-phone-changed-success = غيّر { $who } رقم هاتف المؤسسة.

## Show password
password-show = إظهار كلمة المرور

## Ready-made folders of a new safe
folder-identity = الهوية
folder-health = الصحة
folder-housing = السكن
folder-income = الدخل
folder-family = العائلة
folder-other = أخرى
error-input-short-number = — لا يمكنه استقبال الرسائل القصيرة. أعطِ رقم هاتف محمول، مثلاً 06 12 34 56 78 أو ‎+44 7700 900123.
login-identifier-homonym = نقاط أو مسافات أو شرطات، كما تريد (amina benali 14/02/1990). إذا كانت ورقتك تُظهر رقماً بعد التاريخ (مثلاً ‎-2)، فاكتبه أيضاً.
sheet-homonym = ينتهي اسم المستخدم الخاص بك بـ «‎{ $number }»: شخص آخر له الاسم نفسه وتاريخ الميلاد نفسه. اكتب دائماً «‎{ $number }» في النهاية.
error-invalid-recovery = اسم المستخدم أو الرمز غير صحيح. تحقق من الاثنين: اسم المستخدم ورمز الاسترجاع مكتوبان على ورقتك، أو جاء الرمز من جهة الدعم الخاصة بك. إذا لم يكن لديك رمز صالح، اذهب إلى جهة الدعم الخاصة بك.
notice-recovered-in-person = تم تغيير كلمة مرورك يوم { $date } برمز أعطته لك جهة الدعم الخاصة بك (إعادة تعيين حضورياً). إذا لم تكن أنت، اذهب بسرعة إلى جهة الدعم الخاصة بك.
recover-done-in-person = تم تغيير كلمة مرورك بالرمز الذي أعطته لك جهة الدعم الخاصة بك. ورقة الاسترجاع القديمة لم تعد تعمل أيضاً: سجّل الدخول الآن واطبع ورقة استرجاع جديدة.
doc-add-submit-for-her = إضافة إلى خزنة هذا الشخص
journal-document-expiry-removed-success = تم حذف تاريخ انتهاء صلاحية «{ $what }» ({ $who }).
doc-pro-corrections = تصحيح ما أضافته مؤسستك
doc-pro-corrections-hint = يمكنك تصحيح الاسم أو تاريخ انتهاء الصلاحية، أو حذف وثيقة أضافتها مؤسستك، ما دام الشخص لم يغيّرها بنفسه ولم يوقف مشاركتها. سيرى ذلك في سجله.
doc-pro-delete-text = حذف هذه الوثيقة من خزنة هذا الشخص نهائياً.
reminder-status-no_phone = لا يوجد رقم هاتف: لن يُرسل شيء
reminder-add-phone = إضافة رقم
phone-remove = حذف هذا الرقم
phone-current = الرقم المسجّل:
phone-none = لا يوجد رقم: لا يمكن إرسال التذكيرات بالرسائل القصيرة.
phone-add = إضافة رقمي
phone-change = تغيير رقمي أو حذفه

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = تم الحفظ.
notice-added = تمت الإضافة إلى الخزنة.
notice-deleted = تم الحذف.
notice-shared = تم الحفظ: جهات الدعم التي اخترتها تراه.
notice-private = تم الحفظ: إنه خاص، أنت فقط من يراه.
notice-invitation-accepted = تم قبول الدعوة: جهة الدعم هذه ترافقك الآن.
notice-invitation-declined = تم رفض الدعوة: جهة الدعم هذه لا ترى شيئًا من خزنتك.
notice-relay-left = لقد تركت جهة الدعم هذه: لم تعد ترى أي شيء من خزنتك.
notice-page-added = تمت إضافة الصورة.
notice-page-removed = تمت إزالة الصفحة.
notice-scan-cancelled = تم مسح الصور.
mark-private = خاص
mark-shared = { $count ->
    [one] مُشارَك مع جهة دعم واحدة
    [two] مُشارَك مع جهتَي دعم
    [few] مُشارَك مع { $count } جهات دعم
   *[other] مُشارَك مع { $count } جهة دعم
}
mark-shared-structure = مُشارَك مع مؤسستك
scan-take = التقاط صورة
scan-take-another = تصوير صفحة أخرى
scan-hint = صورة واحدة لكل صفحة. بعد ذلك تتحقق من الصفحات وتعطي اسمًا ثم تحفظ.
scan-hint-again = لا يزال بإمكانك تغيير ترتيب الصفحات قبل الحفظ.
scan-chosen = الصورة جاهزة: اضغط على «متابعة».
scan-review-title = التحقق من الصور
scan-review-text = { $count ->
    [one] صفحة واحدة.
    [two] صفحتان.
    [few] { $count } صفحات.
   *[other] { $count } صفحة.
} تحقق من أن كل صفحة مقروءة جيدًا وأن الصفحات مرتبة.
scan-page = الصفحة { $number }
scan-remove = إزالة
scan-remove-page = إزالة الصفحة { $number }
scan-save-title = التسمية والحفظ
scan-save = { $count ->
    [one] حفظ المستند (صفحة واحدة)
    [two] حفظ المستند (صفحتان)
    [few] حفظ المستند ({ $count } صفحات)
   *[other] حفظ المستند ({ $count } صفحة)
}
scan-cancel = إلغاء ومسح هذه الصور
scan-gone-title = هذه الصور لم تعد موجودة
scan-gone-text = تُحفظ الصور لمدة ساعة ما دمت متصلًا: لقد حُفظت أو أُلغيت أو مُسحت. التقطها من جديد.

# Case file (issue 14): the structure's record of a person's situation, referent, hand-over.
field-housing = السكن
field-family-status = الوضع العائلي
field-children = الأطفال والمعالون
field-nationality = الجنسية
field-residence-permit = تصريح الإقامة
field-residence-permit-until = التصريح صالح حتى
field-domiciliation = عنوان المراسلة (التوطين)
field-resource-kind = مورد
field-resource-amount = المبلغ الشهري (€)
field-health-cover = التغطية الصحية
field-health-cover-until = التغطية صالحة حتى
field-protection = إجراء الحماية
field-referent = المرجع
field-note = ملاحظة
field-situation = الوضع
casefile-title = الملف
casefile-intro = سجلّ المؤسسة عن وضعها: ليس في خزنتها ولا تراه. لا يقرؤه إلا أعضاء المؤسسة.
casefile-open = فتح الملف ({ $structure })
casefile-situation = تعديل الوضع
casefile-save = حفظ الوضع
casefile-handover = تسليم المتابعة
casefile-handover-hint = اعهد بالشخص إلى زميل: يجدها مرجعها الجديد في «أشخاصي». تبقى الملاحظة في السجلّ.
casefile-handover-submit = تسليم
casefile-history = السجلّ
casefile-history-none = لا تغيير حتى الآن.
casefile-history-line = { $when }، بواسطة { $who }
casefile-left = لم تعد هذه المؤسسة جهة متابعة لهذا الشخص: تحتفظ المؤسسة بملفها للقراءة فقط ولا ترى أي جديد من خزنتها.
casefile-referent-none = لا مرجع
casefile-back = العودة إلى صفحتها
casefile-until = حتى { $date }
casefile-per-month = { $amount } € شهريًا
casefile-children-count = الأطفال والمعالون: { $count }
casefile-resources-hint = سطر لكل مورد، والمبلغ الشهري باليورو دون كسور.
casefile-field-housing = السكن
casefile-field-family = الوضع العائلي
casefile-field-administrative = الوضع الإداري
casefile-field-resources = الموارد
casefile-field-health-cover = التغطية الصحية
casefile-field-protection = إجراء الحماية
casefile-field-referent = المرجع
casefile-housing-street = في الشارع
casefile-housing-emergency-shelter = إيواء طارئ
casefile-housing-hosted-third-party = مستضافة لدى شخص آخر
casefile-housing-chrs = CHRS (مركز إيواء وإعادة إدماج)
casefile-housing-hotel = فندق
casefile-housing-squat = مبنى مشغول
casefile-housing-tenant = مستأجرة
casefile-housing-owner = مالكة
casefile-housing-institution = مؤسسة (مستشفى، مأوى…)
casefile-housing-other = غير ذلك
casefile-family-single = عزباء
casefile-family-couple = في علاقة
casefile-family-married = متزوجة
casefile-family-civil-union = شراكة مدنية (PACS)
casefile-family-separated = منفصلة
casefile-family-divorced = مطلقة
casefile-family-widowed = أرملة
casefile-permit-not-required = غير مطلوب (مواطنة فرنسية أو أوروبية)
casefile-permit-none = لا يوجد
casefile-permit-asylum-certificate = شهادة طلب لجوء
casefile-permit-receipt = إيصال (récépissé)
casefile-permit-temporary = تصريح إقامة مؤقت
casefile-permit-multi-year = تصريح متعدد السنوات
casefile-permit-resident = بطاقة مقيم
casefile-permit-other = غير ذلك
casefile-resource-wages = أجر
casefile-resource-unemployment = إعانة بطالة
casefile-resource-rsa = RSA (الدخل الأدنى)
casefile-resource-prime-activite = Prime d'activité (منحة النشاط)
casefile-resource-aah = AAH (إعانة الإعاقة)
casefile-resource-pension = تقاعد
casefile-resource-sick-pay = تعويضات مرضية
casefile-resource-family-benefits = إعانات عائلية
casefile-resource-housing-benefit = مساعدة السكن
casefile-resource-ada = ADA (إعانة طالبي اللجوء)
casefile-resource-other = غير ذلك
casefile-health-none = لا توجد
casefile-health-puma = التأمين الصحي (PUMa)
casefile-health-css = Complémentaire santé solidaire
casefile-health-ame = AME (المساعدة الطبية الحكومية)
casefile-health-private = تأمين تكميلي
casefile-health-other = غير ذلك
casefile-protection-none = لا يوجد
casefile-protection-safeguard-of-justice = حماية قضائية مؤقتة
casefile-protection-curatorship = قوامة
casefile-protection-reinforced-curatorship = قوامة معززة
casefile-protection-guardianship = وصاية
casefile-protection-family-habilitation = تفويض عائلي
casefile-protection-masp = MASP (إجراء مرافقة اجتماعية)
casefile-protection-other = غير ذلك
pro-filter-label = تصفية القائمة
pro-filter-all = الجميع
pro-filter-mine = أشخاصي
pro-mine-count = أشخاصي: { $count }
pro-mine-none = لست مرجعًا لأي شخص بعد.
journal-case-file-updated-success = عدّل { $who } ملفًا للمؤسسة.
journal-referent-changed-success = غيّر { $who } مرجع شخص.
# Issue 14: a structure's statistics.
stats-title = الإحصاءات
stats-intro = كل رقم هو عدّ لبيانات يراها الخادم بشكل مكشوف (تواريخ، أنواع، عدّادات): لا يُفك تشفير أي محتوى لحسابها. الأيام هي أيام المنطقة الزمنية للمنصة.
stats-structure = المؤسسة
field-from = من
field-to = إلى
stats-period = من { $from } إلى { $to }
# A rate in percent: $whole and $tenth are its digits before and after the decimal separator.
stats-rate-shown = { $whole }.{ $tenth }%
stats-no-rate = — (لم تُفتح أي خزنة)
stats-download-csv = تنزيل (CSV)
stats-download-ods = تنزيل (جدول ODS)
error-input-invalid-period = ليست فترة صالحة: يجب أن تسبق البداية النهاية، وعشر سنوات على الأكثر.
stats-from = بداية الفترة
stats-from-def = أول يوم محسوب.
stats-to = نهاية الفترة
stats-to-def = آخر يوم محسوب.
stats-people-followed = الأشخاص المتابَعون
stats-people-followed-def = الأشخاص الذين تكون المؤسسة جهة دعم لهم في نهاية الفترة: اختاروها قبل هذا التاريخ ولم يتركوها منذ ذلك الحين (لا تحتفظ Consigne بأثر لمن غادر).
stats-safes-opened = الخزائن المفتوحة
stats-safes-opened-def = الخزائن التي فتحها مهني من المؤسسة خلال الفترة.
stats-safes-reconnected = الأشخاص الذين عادوا للاتصال
stats-safes-reconnected-def = من بين هذه الخزائن، تلك التي سجّلت صاحبتها الدخول بنفسها مرة واحدة على الأقل بين اليوم 1 واليوم 183 بعد الفتح. يبدأ اليوم n بعد n × 24 ساعة من الفتح: لا يُحسب يوم الفتح، ولا تسجيل دخول بعد اليوم 183.
stats-reconnection-rate = نسبة العودة للاتصال
stats-reconnection-rate-def = عدد الأشخاص الذين عادوا للاتصال مقسومًا على عدد الخزائن المفتوحة (فارغ إذا لم تُفتح أي خزنة). الخزنة المفتوحة منذ أقل من 184 يومًا تُحسب أيضًا.
stats-relais-accepted = جهات دعم جديدة مقبولة
stats-relais-accepted-def = الأشخاص الذين قبلوا خلال الفترة أن تصبح المؤسسة جهة دعم لهم (دعوة مقبولة). لا تُحسب هنا الخزائن التي فتحتها المؤسسة.
stats-documents-added-by-professionals = وثائق أضافها المهنيون
stats-documents-added-by-professionals-def = وثائق أضافها مهني من المؤسسة إلى خزنة شخص خلال الفترة (لا تُحسب التي حُذفت منذ ذلك الحين).
stats-documents-added-by-people = وثائق أضافها الأشخاص
stats-documents-added-by-people-def = وثائق أضافها الأشخاص بأنفسهم خلال الفترة ويشاركونها مع المؤسسة. لا تُحسب التي يحتفظون بها لأنفسهم.
stats-sms-sent = الرسائل القصيرة المرسلة
stats-sms-sent-def = تذكيرات بالرسائل القصيرة أُرسلت خلال الفترة إلى الأشخاص الذين فتحت المؤسسة خزائنهم.
stats-sms-segments = أجزاء الرسائل القصيرة
stats-sms-segments-def = الأجزاء التي احتسبها المشغّل لهذه الرسائل (النص الطويل أو الذي يحتوي على أحرف خاصة يُحسب عدة أجزاء).
stats-followups = المقابلات
stats-followups-def = تقارير المقابلات المؤرخة خلال الفترة، أيا كانت حالتها.
stats-followups-by-medium = المقابلات حسب وسيلة التواصل
stats-followups-by-medium-def = مقابلات الفترة، معدودة حسب وسيلة التواصل.
stats-followups-by-subject = المقابلات حسب الموضوع
stats-followups-by-subject-def = مقابلات الفترة، تُعدّ مرة لكل موضوع من مواضيعها (المقابلة ذات الموضوعين تُعدّ في كليهما).
stats-by-housing = الأشخاص حسب وضع السكن
stats-by-housing-def = الأشخاص المتابَعون في نهاية الفترة، حسب آخر وضع سكن مسجل في ملفهم.
stats-housing-unknown = غير مسجل
stats-breakdown-line = { $group }: { $item }
# Follow-ups (interview reports) and the structure's agenda.
journal-followup-written-success = كتب { $who } تقرير موعدك.
pro-agenda-title = المفكرة
pro-agenda-due = موعد متابعة
pro-agenda-week = أسبوع { $date }
pro-agenda-referent = المرجع
pro-agenda-everyone = الجميع
pro-agenda-filter = تصفية
pro-agenda-previous = الأسبوع السابق
pro-agenda-next = الأسبوع التالي
pro-agenda-download = تنزيل (ملف ‎.ics)
pro-agenda-empty = لا شيء مقرر هذا الأسبوع.
followups-title = المقابلات
followups-intro = تقارير مؤسستك. الجزء المشترك تقرؤه الشخص في خزنتها؛ الجزء الخاص يبقى لدى المؤسسة.
followups-back = العودة إلى ملف الشخص
followups-open = عرض التقارير وكتابتها
followups-new = تقرير جديد
followups-shared-hint = ستقرأ الشخص هذا النص في خزنتها.
followups-private-hint = لن يقرأ هذا النص إلا أعضاء مؤسستك.
followups-save = حفظ التقرير
followups-add-subject = إضافة موضوع إلى قائمة المؤسسة
followups-none = لا توجد تقارير بعد.
followups-author = كتبه
followups-delete = حذف
field-medium = وسيلة التواصل
field-subjects = المواضيع
field-status = الحالة
field-due-on = الموعد النهائي
field-shared-text = الجزء المشترك مع الشخص
field-private-text = الجزء الخاص (المؤسسة فقط)
field-document-ids = المستندات المرفقة
field-label = التسمية
my-followups-title = تقارير مواعيدك
# Its short name on the home tile.
home-followups = التقارير
my-followups-intro = ما كتبته جهات المرافقة عن مواعيدك، من أجلك.
my-followups-none = لا توجد تقارير بعد.
my-followups-by = كتبه { $name } ({ $structure })
followups-medium-planned-meeting = موعد مخطط
followups-medium-walk-in = بدون موعد
followups-medium-phone = الهاتف
followups-medium-home-visit = زيارة منزلية
followups-medium-outside-appointment = موعد خارجي
followups-medium-mail = بريد
followups-medium-email = بريد إلكتروني
followups-medium-video = فيديو
followups-medium-third-party = عن طريق طرف ثالث
followups-status-todo = للقيام به
followups-status-in-progress = قيد التنفيذ
followups-status-done = تم
followups-subject-housing = السكن
followups-subject-domiciliation = عنوان المراسلة
followups-subject-resources = الموارد
followups-subject-employment = العمل
followups-subject-health = الصحة
followups-subject-administrative = الإجراءات الإدارية
followups-subject-residence-permit = تصريح الإقامة
followups-subject-family = العائلة
followups-subject-justice = القضاء
followups-subject-food = الغذاء
followups-subject-mobility = التنقل
followups-subject-digital = الرقمي
followups-subject-other = أخرى

# Household (issue 14, item 3)
family-title = عائلتي
family-intro = اربطي خزنتك بخزائن عائلتك (الشريك، الأطفال، الوالدان) إن وافقوا، وسجّلي الأشخاص الذين تعيلينهم ولا خزنة لهم. الربط لا يُظهر لجهات المتابعة أكثر مما تشاركينه معها.
family-links-title = الخزائن المرتبطة
family-none = لا أحد حتى الآن.
family-state-linked = مرتبطة
family-state-waiting-for-me = يطلب الارتباط بك
family-state-waiting-for-them = في انتظار الرد
family-a-relais = جهة متابعة
family-proposed-by = اقترحته { $structure }
family-undo = إلغاء الربط
family-ask-title = طلب ربط خزنة
family-ask-hint = اكتبي معرّف خزنة الشخص الآخر. سيرى طلبك في خزنته ويختار قبوله. الطفل الذي له خزنته يقبل بنفسه.
family-ask-action = إرسال الطلب
family-ask-sent = إن وُجدت خزنة بهذا المعرّف فسترى صاحبتها طلبك. لا يوجد الربط إلا بعد قبولها.
family-dependants-title = أشخاص أعيلهم بلا خزنة
family-dependants-hint = أنتِ وحدك ترينهم، إلا إذا أظهرتِ أحدهم لجهة متابعة.
family-show-to = إظهار لـ { $relais }
family-hide-from = إيقاف الإظهار لـ { $relais }
family-delete = حذف
family-dependant-add = إضافة شخص
family-pro-title = العائلة
family-pro-intro = الخزائن المرتبطة التي لصاحبتها هيكلك أيضاً كجهة متابعة، والأشخاص المُعالون الذين تُظهرهم لك. الربط لا يُظهر لك أكثر أبداً.
family-pro-members = الأفراد
family-pro-dependants = الأشخاص المُعالون
family-pro-of = سجّلته { $name }
family-propose-title = اقتراح ربط
family-propose-hint = على كل شخص قبوله في خزنته.
family-propose-action = اقتراح
family-pro-back = العودة إلى ملف الشخص
field-relation = صلة القرابة
field-member = الشخص
relation-partner = شريك
relation-child = طفل
relation-parent = أحد الوالدين
relation-sibling = أخ أو أخت
relation-other = أخرى
error-input-invalid-relation = غير صالح: اختاري من القائمة.
error-household-exists = هاتان الخزنتان مرتبطتان أو في الانتظار. انظري صفحة العائلة.
journal-household-link-asked-success = { $who } طلب ربط خزنتين لعائلة.
journal-household-link-proposed-success = { $who } اقترح ربط خزنتين لعائلة.
journal-household-link-accepted-success = { $who } قبل ربطاً عائلياً.
journal-household-link-removed-success = { $who } أزال ربطاً عائلياً.
journal-household-viewed-success = { $who } اطّلع على ملف العائلة.
journal-dependant-added-success = { $who } أضاف شخصاً تعيلينه.
journal-dependant-deleted-success = { $who } حذف شخصاً تعيلينه.
journal-dependant-shown-success = { $who } أظهر شخصاً تعيلينه لـ { $relais }.
journal-dependant-hidden-success = { $who } أوقف إظهار شخص تعيلينه لـ { $relais }.

# Issue 14, item 6: the people list's filters and lines.
pro-filter-referent = المرافق المرجعي
pro-filter-no-referent = بدون مرافق مرجعي
pro-filter-quiet = بدون تواصل منذ
pro-filter-quiet-any = أي وقت
pro-filter-quiet-days = { $days ->
    [one] أكثر من يوم واحد
    [two] أكثر من يومين
    [few] أكثر من { $days } أيام
   *[other] أكثر من { $days } يومًا
}
pro-filter-expiring = أوراق منتهية أو ستنتهي قريبًا
pro-line-identifier = المعرّف:
pro-line-referent = المرافق المرجعي: { $name }
pro-line-last-contact = آخر تواصل: { $date }
pro-line-no-contact = لا يوجد تقرير بعد
pro-line-paper-expires = تنتهي صلاحية ورقة في { $date }
pro-line-paper-expired = انتهت صلاحية ورقة في { $date }
field-no-contact-days = عدد الأيام بدون تواصل
error-input-invalid-days = يجب أن يكون عددًا صحيحًا من 1 إلى 3650.

# Issue 15: the types of papers.
field-type = نوع الورقة
doc-expiry-hint = بطاقة الهوية، جواز السفر، تصريح الإقامة، شهادة التوطين أو شهادة التغطية الصحية: اكتب تاريخ انتهائها وسنذكّرك قبل حلوله.
doc-expiry-asked = { $type }: لهذه الورقة تاريخ انتهاء. اكتبه وسنذكّرك قبل أن تنتهي صلاحيتها.
doc-expiry-prompt = أضف تاريخ الانتهاء لنذكّرك قبل أن تنتهي صلاحيتها.
doc-expiry-prompt-action = إضافة تاريخ الانتهاء
journal-document-type-changed-success = تم تغيير نوع الورقة «{ $what }» ({ $who }).
paper-identity-card = بطاقة الهوية
paper-passport = جواز السفر
paper-residence-permit = تصريح الإقامة أو الوصل
paper-birth-certificate = شهادة الميلاد
paper-family-record-book = دفتر العائلة
paper-domiciliation-certificate = شهادة التوطين (العنوان البريدي)
paper-proof-of-address = إثبات السكن أو الإيواء
paper-bank-details = البيانات المصرفية (RIB)
paper-tax-notice = إشعار الضريبة
paper-payslip = قسيمة الراتب
paper-france-travail-certificate = شهادة France Travail (مكتب التشغيل)
paper-caf-certificate = شهادة CAF (صندوق المنح العائلية)
paper-health-cover-certificate = شهادة التغطية الصحية
paper-carte-vitale = بطاقة Carte Vitale (بطاقة التأمين الصحي)
paper-medical = ورقة طبية
paper-other = ورقة أخرى
# Simulations
section-rights = حقوقي
rights-intro = اعرفي المساعدات التي يمكنك الحصول عليها. تبقى إجاباتك في خزنتك: لا تراها إلا جهات الدعم التي تختارينها.
rights-new = محاكاة جديدة
rights-run = اعرض حقوقي
rights-past = المحاكيات السابقة
rights-made-by = في { $date }، بواسطة { $who }
rights-month = شهر المحاكاة
rights-household = الأسرة
rights-couple = أعيش مع شريك
rights-partner-birth = مع شريك: تاريخ ميلاد الشريك
rights-pregnant = أنا حامل
rights-children = الأطفال الذين أعولهم
rights-children-hint = تاريخ ميلاد كل طفل؛ اتركي الأسطر الأخرى فارغة.
rights-child = الطفل { $n }: تاريخ الميلاد
rights-nationality = الجنسية والأوراق
rights-nationality-fr = فرنسية
rights-nationality-eu = الاتحاد الأوروبي أو المنطقة الاقتصادية الأوروبية أو سويسرا
rights-nationality-other = بلد آخر
rights-permit-years = لبلد آخر: عدد سنوات تصاريح الإقامة في فرنسا
rights-refugee = لاجئة أو تحت الحماية الفرعية
rights-student = أنا طالبة أو طالب
rights-housing = السكن
rights-housing-homeless = بلا مسكن (الشارع، سيارة، مبنى مهجور)
rights-housing-hosted-free = مستضافة مجانًا (العائلة، الأصدقاء)
rights-housing-shelter = مأوى طارئ، فندق عبر 115، CHRS
rights-housing-tenant = مستأجرة: أدفع إيجارًا
rights-rent = مستأجرة: الإيجار الشهري بدون الأعباء (€)
rights-commune = مستأجرة: رمز البلدية (INSEE، 5 رموز)
rights-resources = الدخل في الأشهر الثلاثة الأخيرة
rights-resources-hint = المبالغ الصافية كما في قسيمة الراتب أو الرسالة. اتركي الخانة فارغة إن لم يكن هناك شيء.
rights-resources-me = دخلي
rights-resources-partner = دخل الشريك
rights-month-1 = قبل 3 أشهر
rights-month-2 = قبل شهرين
rights-month-3 = الشهر السابق
rights-kind-wages = الأجور
rights-kind-unemployment = إعانة البطالة (France Travail)
rights-kind-pension = معاش التقاعد
rights-kind-sick-pay = تعويضات المرض
rights-kind-aah = إعانة البالغين ذوي الإعاقة (AAH)
rights-kind-family-benefits = الإعانات العائلية
rights-kind-other = دخل آخر
rights-results = النتائج لشهر { $month }
benefit-rsa = RSA (دخل التضامن)
benefit-prime-activite = Prime d'activité (منحة لمن يعمل)
benefit-css = Complémentaire santé solidaire (تغطية صحية)
benefit-aide-logement = إعانة السكن (APL، ALS)
rights-eligible = يمكنك الحصول عليها
rights-not-eligible = ليس بهذه الإجابات
rights-amount = { $amount } € شهريًا
rights-css-free = مجانية
rights-css-participation = بمساهمة قدرها { $amount } € شهريًا
rights-out-of-scope = خارج ما يغطيه المحاكي: اسألي مرشدتك الاجتماعية أو الـCAF.
rights-reason-sick-pay = تُحسب تعويضات المرض بطرق مختلفة حسب تاريخ بدء الإجازة المرضية.
rights-reason-family-benefits = تُحسب الإعانات العائلية بطرق مختلفة حسب الإعانة.
rights-reason-old-age = من سن 65، تأتي أولًا إعانة التضامن للمسنين (ASPA).
rights-reason-not-modelled = هذه الحالة غير مشمولة.
rights-reason-commune = للمستأجر، يلزم ذكر البلدية والإيجار لحساب مساعدة السكن. اسأل الـCAF أو مرافقك الاجتماعي.
rights-unverified = للتحقق منه مع الجهة
rights-unverified-residence-in-france = العيش في فرنسا بشكل مستقر (عنوان إداري لمن ليس له مسكن).
rights-unverified-savings = المدخرات والممتلكات: عائداتها تُحسب أيضًا.
rights-unverified-eu-right-of-residence = للمواطن الأوروبي: حق الإقامة (العمل، أو أكثر من ثلاثة أشهر هنا).
rights-unverified-young-active = أقل من 25 سنة: RSA للشباب العاملين يتطلب سنتين من العمل في السنوات الثلاث الأخيرة.
rights-unverified-other-benefits-first = يجب طلب الإعانات الأخرى أولًا (التقاعد، البطالة، النفقة).
rights-unverified-recent-separation = الانفصال الحديث (أقل من 18 شهرًا) يرفع المبلغ للوالد الوحيد.
rights-unverified-not-parents-dependent = أقل من 25 سنة: ألا تكوني في إعالة والديك (ضرائبهم، مسكنهم، نفقة منهم).
rights-unverified-decent-dwelling = مساعدة السكن: سكن لائق، يُسكن ثمانية أشهر في السنة على الأقل، مستأجر من شخص ليس قريبًا مباشرًا.
rights-unverified-taxable-resources = مساعدة السكن: تحتسب الـCAF الدخل المصرّح به للضرائب على مدى اثني عشر شهرًا.
rights-unverified-family-benefits-to-claim = منح عائلية يمكن طلبها (المنح العائلية، ASF، PAJE): عندما تُدفع يتغيّر المبلغ.
rights-institution = أين تطلبينها
rights-institution-caf = CAF (صندوق الإعانات العائلية)
rights-institution-cpam = التأمين الصحي (CPAM)
rights-teleservice = الطلب عبر الإنترنت
rights-form = الاستمارة الورقية
rights-documents = الأوراق المطلوب جمعها
rights-scales-note = تقدير بالمبالغ السارية في ذلك الشهر (بعد آخر زيادة معروفة، بآخر المبالغ المعروفة): الجهة وحدها تقرر.
rights-share = من يرى هذه المحاكاة
rights-print = ملخص للطباعة
rights-back = العودة إلى المحاكيات
rights-recap = ملخص حقوقي
rights-recap-made = أُجريت في { $date }
rights-recap-estimate = هذا الملخص تقدير وليس قرارًا. أحضريه مع أوراقك عند تقديم الطلب.
rights-pro-title = محاكاة الحقوق
rights-pro-intro = املئيها مع الشخص: تُحفظ المحاكاة في خزنتها، وتُشارك مع جهتك، وهي تراها.
rights-pro-open = محاكاة حقوقها
rights-pro-empty = تظهر النتائج هنا.
rights-field-body = الاستمارة
rights-field-month = الشهر
rights-field-couple = «مع شريك»
rights-field-partner = تاريخ ميلاد الشريك
rights-field-children = الأطفال
rights-field-pregnant = «حامل»
rights-field-nationality = الجنسية
rights-field-residence-permit-years = سنوات تصاريح الإقامة
rights-field-refugee = «لاجئة»
rights-field-student = «طالبة»
rights-field-housing = السكن
rights-field-resources = مبلغ من الدخل
rights-field-rent = الإيجار
rights-field-commune-insee = رمز البلدية
rights-field-birth-date = تاريخ ميلاد
rights-error-invalid = غير صالح: تحققي منه.
rights-error-required = مطلوب.
rights-error-unknown-field = يحتوي على سؤال غير معروف: أعيدي تحميل الصفحة.
rights-error-too-many = فيه أسطر كثيرة جدًا.
rights-error-partner-if-couple = يكون مع «أعيش مع شريك»: اختاريه، أو أفرغي إجابات الشريك.
rights-error-month-not-covered = قديم جدًا: اختاري أغسطس 2023 أو بعده.
rights-error-invalid-amount = يجب أن يكون مبلغًا باليورو، 0 أو أكثر.
rights-error-invalid-number = يجب أن يكون عدد سنوات، 0 أو أكثر.
rights-error-after-month = بعد شهر المحاكاة.
simulation-title = محاكاة لشهر { $month }
relais-sees-simulations = محاكيات الحقوق التي تشاركها معها: { $count }
journal-simulation-created-success = أُجريت محاكاة لحقوقك ({ $who }).
journal-simulation-viewed-success = فُتحت «{ $what }» ({ $who }).
journal-simulation-shared-success = تمت مشاركة «{ $what }» مع جهة دعم ({ $who }).
journal-simulation-unshared-success = أُوقفت مشاركة «{ $what }» ({ $who }).

# Proofs (issue 16): the structure's profile, domiciliation, hosting certificates.
action-back = رجوع
profile-open = الملف التعريفي للشهادات
profile-title = الملف التعريفي للمؤسسة للشهادات
profile-intro = تُطبع هذه المعلومات على الشهادات التي تمنحها المؤسسة (التوطين، الإيواء). وهي ليست سرية.
profile-read-only = لا يمكن تعديل هذا الملف إلا لمسؤول المؤسسة.
profile-approval-hint = رقم الاعتماد والمحافظة: للجمعيات المعتمدة فقط (لا يحتاجهما CCAS أو CIAS).
field-category = نوع المؤسسة
category-ccas = CCAS
category-cias = CIAS
category-association = جمعية معتمدة
category-other = أخرى
field-shelter = الإيواء الذي تديره
shelter-none = لا شيء
shelter-chrs = CHRS
shelter-chu = CHU (إيواء طارئ)
shelter-hotel = فندق
field-postal-address = العنوان البريدي
field-mail-address = عنوان استلام البريد (إن كان مختلفًا)
field-approval-number = رقم الاعتماد
field-prefecture = المحافظة
field-manager-name = اسم المسؤول(ة)
field-manager-function = وظيفة المسؤول(ة)
domiciliation-open = التوطين والشهادات
domiciliation-title = التوطين
domiciliation-intro = سجّل القرار: تُملأ الاستمارات الرسمية (cerfa 16029 و16030) وتُضاف إلى خزنتها، مشتركة مع مؤسستك.
domiciliation-history = القرارات المسجلة
domiciliation-none = لا توجد قرارات مسجلة.
domiciliation-first = طلب أول
domiciliation-renewal = تجديد
domiciliation-granted = ممنوح من { $from } إلى { $to }
domiciliation-refused = مرفوض: { $reason }
domiciliation-request-doc = الطلب والقرار (cerfa 16029)
domiciliation-certificate-doc = الشهادة (cerfa 16030)
domiciliation-record = تسجيل قرار
domiciliation-grant = ممنوح
domiciliation-refuse = مرفوض
domiciliation-save = تسجيل القرار
field-decision-on = تاريخ القرار
field-granted = القرار
field-refusal-reason = سبب الرفض
field-birth-place = مكان الولادة (يُطبع على الاستمارات)
field-since = مُقيمة منذ
hosting-title = شهادة إيواء
hosting-intro = لمؤسسة إيواء: رسالة بتاريخ اليوم، موقّعة من المسؤول(ة)، تُضاف إلى خزنتها.
hosting-make = إعداد الشهادة
error-profile-missing = الملف التعريفي للمؤسسة غير مكتمل: اطلب من مسؤول إكماله.
error-not-a-shelter = هذه المؤسسة لا تدير إيواءً: يمكن للمسؤول ذكر ذلك في ملفها التعريفي.
error-not-a-domiciliation-body = لا يمنح التوطين إلا CCAS أو CIAS أو جمعية معتمدة: تحقّق من الملف التعريفي للمؤسسة.
error-input-in-future = — لا يمكن أن يكون في المستقبل.
journal-domiciliation-recorded-success = سُجّل قرار توطين ({ $who }).
journal-domiciliation-viewed-success = فُتح قرار توطين ({ $who }).
journal-structure-profile-changed-success = عدّل { $who } الملف التعريفي للمؤسسة.
field-logo = الشعار
profile-logo-hint = صورة PNG أو JPEG لا تتجاوز 256 كيلوبايت، تُطبع في أعلى شهادات الإيواء.
profile-logo-remove = إزالة الشعار
profile-logo-after = احفظ الملف التعريفي أولًا، ثم أضف الشعار.
error-input-not-png-or-jpeg = — يجب أن يكون صورة PNG أو JPEG.
## The assembled file (issue 15, item 4)
journal-document-put-in-file-success = وُضع «{ $what }» في ملف مجمّع ({ $who }).
journal-file-assembled-success = جُمع الملف «{ $what }» من أوراقك ({ $who }).
file-cover-person = الشخص: { $name }
file-cover-date = أُعدّ في { $date }
file-cover-pieces = أوراق الملف
file-cover-missing = الأوراق الناقصة
file-cover-hashes = كل SHA-256 هو بصمة المستند المحفوظ في الخزنة: المستند نفسه المحمَّل من الخزنة يعطي البصمة نفسها.
file-cover-page = ص.
file-default-title = ملف
# Procedures
section-procedures = إجراءاتي
# The one home tile for the simulator and the procedures (one tile keeps her home on a phone's first screen).
home-rights-procedures = حقوقي وإجراءاتي
procedures-intro = تابعي إجراءاتك: الأوراق التي يحتاجها كل إجراء، وأين وصل، والموعد النهائي القادم. لا يراها إلا مراكز الدعم التي تختارينها.
procedures-open = متابعة إجراءاتي
procedures-start = بدء إجراء
procedures-start-action = ابدئي
procedures-choose = أي إجراء
procedures-history = سجل إجراءاتي
procedures-history-pro = سجل إجراءاتها
procedures-empty = لا يوجد أي إجراء بعد.
procedures-started = بدأ في { $date }
procedures-closed-on = انتهى في { $date }
procedure-rsa = RSA (دخل التضامن النشط)
procedure-css = Complémentaire santé solidaire (التغطية الصحية التكميلية)
procedure-aide-logement = مساعدة السكن (APL، ALS)
procedure-domiciliation = التوطين (عنوان لاستلام البريد)
procedure-residence-permit-renewal = تجديد بطاقة الإقامة
procedure-identity-document = بطاقة الهوية أو جواز السفر
procedure-france-travail-registration = التسجيل في France Travail (باحث عن عمل)
procedure-ame = AME (المساعدة الطبية من الدولة)
procedure-status-to-prepare = قيد التحضير
procedure-status-filed = تم الإيداع
procedure-status-being-processed = قيد الدراسة
procedure-status-granted = تمت الموافقة
procedure-status-refused = مرفوض
procedure-status-abandoned = متروك
procedure-status = أين وصل
procedure-status-change = تغيير الحالة
procedure-changes = التغييرات
procedure-deadline = الموعد النهائي القادم
procedure-deadline-on = الموعد النهائي في { $date }
procedure-deadline-none = لا يوجد موعد نهائي
procedure-deadline-save = حفظ الموعد النهائي
procedure-deadline-hint = نرسل رسالة قصيرة قبل أسبوع وقبل يوم، دون ذكر الإجراء.
procedure-receipt = وصل الإيداع
procedure-receipt-none = لا يوجد وصل مرفق
procedure-receipt-attach = إرفاق الوصل
procedure-receipt-choose = الورقة التي تثبت الإيداع
procedure-checklist = الأوراق المطلوبة
procedure-line-present = موجودة لديك
procedure-line-missing = ناقصة
procedure-line-expired = منتهية الصلاحية: جدّديها
procedure-add-paper = إضافة هذه الورقة
procedure-source = الصفحة الرسمية
procedure-share = من يرى هذا الإجراء
procedure-back = العودة إلى الإجراءات
procedures-pro-title = إجراءاتها
procedures-pro-intro = ابدأ إجراءً مع الشخص وتابعه: يُحفظ في خزنتها، ويُشارك مع مؤسستك، وهي تراه.
procedures-pro-open = إجراءاتها
procedure-field-body = الاستمارة
procedure-field-code = الإجراء
procedure-field-status = الحالة
procedure-field-deadline-on = الموعد النهائي
procedure-field-receipt-document-id = الوصل
procedure-error-invalid-date = ليس تاريخاً: اكتبي اليوم والشهر والسنة.
procedure-file = الملف الكامل
procedure-file-intro = ملف PDF واحد بالأوراق الموجودة: صفحة غلاف تذكر كل ورقة وبصمتها، مع الإشارة إلى الأوراق الناقصة. يُضاف إلى الخزنة.
procedure-file-watermark = عبارة على كل صفحة
procedure-file-watermark-hint = مثلًا: copie pour la CAF, 3 décembre 2026. بحروف لاتينية.
procedure-file-build = إعداد الملف
procedure-file-none = أضف أولًا ورقة واحدة على الأقل من القائمة.
procedure-field-watermark = العبارة
procedure-field-documents = الملف
procedure-error-watermark-script = تُكتب بحروف لاتينية فقط: ملف PDF لا يعرض غيرها.
procedure-error-too-long = طويلة جدًا: 120 حرفًا على الأكثر.
sms-procedure-deadline = Consigne: موعد نهائي لأحد إجراءاتك في { $date }. سجّلي الدخول لرؤيته.
journal-procedure-created-success = { $who } بدأ إجراءً في خزنتك.
journal-procedure-viewed-success = { $who } فتح الإجراء { $what }.
journal-procedure-updated-success = { $who } حدّث الإجراء { $what }.
journal-procedure-shared-success = { $who } شارك الإجراء { $what } مع مركز دعم.
journal-procedure-unshared-success = { $who } أوقف مشاركة الإجراء { $what }.

## The certification of documents (docs/certification.md)
journal-document-certified-success = تم الحصول على شهادة «{ $what }» ({ $who }).
doc-certificate = شهادة هذه الورقة (.json)
doc-certificate-verify = التحقق من شهادة
certificate-none = أُضيفت هذه الورقة قبل التوثيق: ليس لها شهادة.
certificate-back = العودة إلى الورقة
verify-title = التحقق من ورقة وشهادتها
verify-intro = ضع الورقة وشهادتها (.json): تتحقق هذه الصفحة من أن الورقة كانت موجودة دون تغيير منذ تاريخ الشهادة.
verify-document = الورقة (PDF أو صورة)
verify-certificate = شهادتها (.json)
verify-submit = تحقق
verify-nothing-stored = لا يُحفظ شيء: تُقرأ الملفات ثم تُنسى. لا حاجة إلى حساب.
verify-ok = الشهادة تثبت هذه الورقة.
verify-ok-added = أُضيفت في { $date }.
verify-ok-head = مسجلة في السجل الموقّع في { $date } ({ $size } ورقة).
verify-ok-timestamp = مختومة زمنياً من جهة مختصة: { $time } (UTC).
verify-key-published = موقّعة بالمفتاح الذي تنشره هذه المنصة.
verify-key-unknown = تنبيه: ليست موقّعة بمفتاح تنشره هذه المنصة.
verify-limits = هذا يثبت أن هذه النسخة كانت موجودة دون تغيير في ذلك التاريخ. ليست أصلاً، وليست ختماً زمنياً مؤهلاً وفق eIDAS.
verify-failed = الشهادة لا تثبت هذه الورقة.
verify-failure-malformed = هذا الملف ليس شهادة مقروءة. ضع ملف .json الذي نزّلته من الورقة.
verify-failure-document-mismatch = هذه الورقة ليست ورقة الشهادة (تغيّرت، أو ليس الملف الصحيح).
verify-failure-leaf-mismatch = تم تعديل الشهادة. نزّلها من جديد.
verify-failure-not-in-tree = تم تعديل الشهادة. نزّلها من جديد.
verify-failure-bad-signature = توقيع الشهادة غير صحيح. نزّلها من جديد.
verify-failure-timestamp-mismatch = الختم الزمني للشهادة لا يطابق. نزّلها من جديد.
verify-missing = ضع الملفين: الورقة وشهادتها.
verify-certificate-too-large = هذا الملف أكبر من أن يكون شهادة. ضع ملف .json الخاص بالورقة.
# Share links (service/links.rs, web/pages/links.rs)
link-section = روابط المشاركة
link-intro = أنشئ رابطًا لعرض هذا المستند على شخص ليس لديه حساب (شبّاك، مؤجّر). يتوقف الرابط عند انتهاء صلاحيته أو عندما تلغيه.
link-intro-pro = بموافقتها، أنشئ رابطًا لعرض هذا المستند على شخص ليس لديه حساب. ترى الرابط في خزنتها ويمكنها إلغاؤه.
link-none = لا يوجد رابط نشط.
link-expires-label = صالح لمدة
link-expires-hour = ساعة واحدة
link-expires-day = يوم واحد
link-expires-week = 7 أيام
link-expires-month = 30 يومًا
link-pin-label = رمز PIN
link-pin-hint = من 4 إلى 8 أرقام. قله شفهيًا للشخص الذي تعطيه الرابط.
link-watermark-label = علامة مائية
link-watermark-hint = تُطبع على كل صفحة، مثلًا: نسخة سُلّمت إلى CAF في 3 ديسمبر 2026.
link-consent-label = وافقت على أن أنشئ هذا الرابط.
link-create = إنشاء رابط
link-created = تم إنشاء الرابط. اعرض رمز QR أو أعطِ العنوان.
link-address = عنوان الرابط
link-qr-hint = اعرض رمز QR هذا في الشبّاك: إنه يفتح المستند.
link-qr-label = رمز QR للرابط
link-until = صالح حتى { $when }
link-with-pin = مع رمز PIN
link-copy-given = نسخة مُسلّمة: { $text }
link-opened-times = فُتح { $count } مرات
link-made-by-pro = أنشأه مهني من جهتك المرافقة
link-show-again = عرض العنوان ورمز QR
link-revoke = إلغاء
link-all-title = روابط المشاركة الخاصة بي
link-all-none = ليس لديك أي رابط نشط.
link-page-intro = مستند شورك معك عبر Consigne.
link-view = عرض المستند
link-pin-ask = أدخل رمز PIN الذي قاله لك الشخص.
link-pin-wrong = رمز PIN خاطئ. تحقّق منه مع الشخص وحاول مرة أخرى.
link-back-document = العودة إلى المستند
notice-link-revoked = تم إلغاء الرابط: لم يعد يعمل.
field-pin = رمز PIN
field-expires-in-minutes = مدة الصلاحية
field-watermark = العلامة المائية
error-input-invalid-pin = يجب أن يتكون من 4 إلى 8 أرقام.
error-input-invalid-link-expiry = يجب أن تكون بين ساعة واحدة و30 يومًا.
journal-share-link-created-success = أنشأ { $who } رابط مشاركة إلى «{ $what }».
journal-share-link-revoked-success = ألغى { $who } رابط مشاركة إلى «{ $what }».
journal-share-link-opened-success = فتح شخص ما «{ $what }» عبر رابط مشاركة.

# Printed kit (issue 17)
kit-open = ملصقات ومنشورات وبطاقات للطباعة
kit-page-title = مطبوعات للطباعة
kit-page-intro = ملصق ومنشور وبطاقات جيب للأشخاص الذين تستقبلونهم، مع اسم مؤسستكم ومعلومات الاتصال بها، بكل لغات Consigne.
kit-no-address = عنوان المؤسسة لا يظهر عليها بعد: املأ ملفها التعريفي.
kit-language = لغة الوثائق
kit-show = عرض
kit-poster-a4 = ملصق (A4)
kit-poster-a3 = ملصق (A3)
kit-flyer-a5 = منشور (A5)
kit-cards-a4 = بطاقات جيب (10 في ورقة A4، للقص)
kit-poster = ملصق Consigne — { $structure }
kit-flyer = منشور Consigne — { $structure }
kit-cards = بطاقات Consigne — { $structure }
kit-title = احفظ أوراقك في أمان، مجانًا
kit-point-safe = نسخة من أوراقك (بطاقة الهوية، تصريح الإقامة، بطاقة التأمين الصحي…) محفوظة في خزنة رقمية باسمك.
kit-point-share = أنت تختار ما تشاركه مع المؤسسة التي تساعدك.
kit-point-anywhere = ضاعت أوراقك أو سُرقت، أو ضاع هاتفك؟ افتح خزنتك من أي هاتف أو حاسوب.
kit-steps-title = كيف تبدأ
kit-step-1 = تعال إلينا، مع أوراقك إن كانت معك.
kit-step-2 = نفتح خزنتك معك: أنت تختار كلمة المرور.
kit-step-3 = سجّل الدخول من أي هاتف أو حاسوب: امسح الرمز أدناه.
kit-scan = امسح هذا الرمز لفتح خزنتك
kit-address = أو اكتب هذا العنوان:
kit-ask-here = اطلب منا فتح خزنتك:
kit-phone = الهاتف:
kit-email = البريد الإلكتروني:
kit-help = في حالة الطوارئ: 115 (المأوى)، 15 (الإسعاف)، 17 (الشرطة)، 112. Consigne ليس للطوارئ.
kit-card-tagline = أوراقك في أمان، مجانًا
kit-card-identifier = اسم المستخدم:
kit-card-relay = جهة الدعم الخاصة بك:
## Structure news (issue 17)
news-title = الأخبار
news-intro = معلومة قصيرة للأشخاص الذين ترافقهم المؤسسة: مواعيد العمل، ورشة، ورقة يجب إحضارها. تظهر في صفحتهم الرئيسية، بلغتهم إن كتبتَها. لا تكتب أي شيء شخصي.
news-new = خبر جديد
news-text = النص
news-text-hint = 1000 حرف على الأكثر.
news-translations = إضافة لغات أخرى
news-translations-hint = يقرأ كل شخص النص بلغته إن وُجد، وإلا فالنص أعلاه.
news-audience = لمن
news-audience-all = كل الأشخاص المتابَعين
news-audience-referent = الأشخاص الذين مرجعهم { $name }
news-days = يُعرض لمدة
news-days-count = { $count ->
    [zero] { $count } يوم
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
news-post = نشر
news-shown = الأخبار المعروضة
news-none = لا توجد أخبار معروضة.
news-posted-by = بواسطة { $name }، في { $date }
news-reached = { $count ->
    [zero] لا أحد
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
}
news-until = حتى { $date }
news-delete = سحب
news-her-title = أخبار جهات دعمك
news-dismiss = إخفاء
journal-news-posted-success = نشر { $who } خبرًا.
journal-news-deleted-success = سحب { $who } خبرًا.
# Reading aid: the label of the button that reads a page title or a home tile aloud.
read-aloud = استمع: { $text }
# Messages with the relais (issue 17)
messages-title = الرسائل
messages-emergency = ليست للحالات الطارئة: اتصل بالرقم 115 (المأوى)، 15 (الطوارئ الطبية)، 17 (الشرطة).
messages-no-relais = ليست لديك بعد جهة مرافقة تكتب إليها.
messages-unread =
    { $count ->
    [one] رسالة جديدة
   *[other] { $count } رسائل جديدة
}
messages-last = آخر رسالة: { $when }
messages-closed = مغلقة
messages-write-to = اكتب إلى { $name }
messages-text = رسالتك
messages-send = إرسال
messages-seen = تمت القراءة
messages-read-by = قرأها: { $names }
messages-from-team = { $name } ({ $structure })
messages-from-person = الشخص
messages-from-you = أنت
messages-document-gone = المستند لم يعد متاحًا
messages-thread-title = الرسائل مع { $name }
messages-thread-pro-title = الرسائل مع شخص
messages-none = لا توجد رسائل بعد.
messages-answer = اكتب رسالة
messages-attach-document = أرفق مستندًا من الخزنة
messages-no-document = بدون مستند
messages-attach-photo = أو أضف صورة أو ملف PDF
messages-attach-hint = يُحفظ في خزنتك ويُشارك مع هذه الجهة.
messages-attach-hint-pro = يُحفظ في خزنة الشخص ويُشارك مع جهتك.
messages-closed-hint = هذه المحادثة مغلقة.
messages-close = أغلق هذه المحادثة
messages-back = العودة إلى الرسائل
messages-back-inbox = العودة إلى رسائل الفريق
messages-inbox-title = رسائل الفريق
messages-inbox-empty = لا توجد رسائل بعد.
notice-sent = تم إرسال الرسالة.
error-thread-closed = هذه المحادثة مغلقة: يجب أن يكتب الشخص من جديد أولًا.
field-text = الرسالة
field-structure-id = الجهة المرافقة
sms-new-message = لديك رسالة جديدة في Consigne.
journal-message-sent-success = { $who } كتب إلى { $relais }.
journal-message-written-success = { $who } ({ $relais }) كتب إليك.
journal-messages-read-success = قرأ فريق { $relais } رسائلك.
journal-thread-closed-success = { $who } أغلق المحادثة مع { $relais }.
# The optional security question (issue 17, item 7)
field-question = السؤال
field-answer = الجواب
error-input-too-short = قصير جداً.
journal-security-question-set-success = { $who } اختار سؤال أمان.
journal-security-question-removed-success = { $who } حذف سؤال الأمان.
journal-recovered-with-question-success = تم تغيير كلمة المرور باستخدام سؤال الأمان.
notice-recovered-question = تم تغيير كلمة مرورك باستخدام سؤال الأمان يوم { $date }. إذا لم تكن أنت، اذهب بسرعة إلى جهة الدعم الخاصة بك.
question-title = سؤال الأمان
question-text = اختياري. إذا نسيت كلمة المرور، يسمح لك جواب هذا السؤال باختيار كلمة مرور جديدة.
question-weakness = انتبه: قد يعرف المقرّبون منك الجواب أو يخمّنونه. اختر جواباً لا يعرفه أحد غيرك. ورقة الاسترجاع المطبوعة أكثر أماناً.
question-yours = سؤالك
question-set-on = تم اختياره يوم { $date }.
question-remove = حذف سؤال الأمان الخاص بي
question-change = اختيار سؤال آخر
question-choose = اختر سؤالاً
question-preset-1 = ما اسم أول مدرسة درست فيها؟
question-preset-2 = في أي مدينة وُلدت أمك؟
question-preset-3 = ما اسم أول حيوان أليف كان لديك؟
question-preset-4 = ما كان لقبك في طفولتك؟
question-preset-5 = ما أول طبق تعلّمت طبخه؟
question-own = أكتب سؤالي الخاص
question-own-label = سؤالي الخاص
question-answer = الجواب
question-answer-hint = الأحرف الكبيرة والتشكيل والمسافات لا تهمّ.
question-login-again = لحمايتك، سجّل الخروج ثم سجّل الدخول من جديد، ثم عُد لاختيار سؤالك.
question-settings-text = اختياري: سؤال لا يعرف جوابه أحد غيرك، لاختيار كلمة مرور جديدة إذا نسيتها.
question-open = سؤال الأمان الخاص بي
recover-with-question = اخترت سؤال أمان
recover-question-title = نسيت كلمة المرور: سؤال الأمان
recover-question-text = اكتب جواب سؤال الأمان الذي اخترته. السؤال لا يظهر هنا: يجب أن تتذكره.
recover-question-hint = الأحرف الكبيرة والتشكيل والمسافات لا تهمّ.
recover-with-code = لدي رمز استرجاع
recover-done-question = تم تغيير كلمة مرورك. ورقة الاسترجاع ما زالت صالحة: احفظها في مكان آمن.
error-invalid-question = اسم المستخدم أو الجواب غير صحيح. تحقق من الاثنين. إذا لم تتذكر الجواب، استعمل ورقة الاسترجاع أو اذهب إلى جهة الدعم الخاصة بك.

# Terms and information page (issue 17, item 4)
footer-terms = شروط الاستخدام والخصوصية
terms-title = شروط الاستخدام والمعلومات
terms-version = الإصدار { $version }
terms-intro = قبل استعمال خزنتك، اقرأ ما هي، ومن يرى ماذا، وما هي حقوقك. النص قصير.
terms-space-title = ما هذه المساحة
terms-space-text = Consigne خزنة رقمية شخصية، مجانية لك، فُتحت مع جهة اجتماعية تساعدك (جهة الدعم الخاصة بك). احفظ فيها أوراقك وملاحظاتك ومواعيدك. استعملها لنفسك فقط وفي حدود القانون. يمكنك ترك جهة دعم أو إغلاق خزنتك في أي وقت.
terms-technical-title = كيف تعمل ومن يملك المفاتيح
terms-technical-text = كل ما تضيفه مشفّر. لا يفتح خزنتك إلا كلمة مرورك، أو رمز الاسترجاع المطبوع، أو سؤال الأمان إذا اخترته، أو جهة دعم اخترتها لتساعدك على الدخول من جديد. الأشخاص الذين يديرون المنصة لا يستطيعون قراءة أوراقك. جهة الدعم ترى فقط ما تشاركه معها، وكل دخول يُكتب في سجلّك.
terms-privacy-title = بياناتك الشخصية
terms-privacy-text = نحتفظ باسمك وتاريخ ميلادك ولغتك ورقم هاتفك إذا أعطيته، وبما تضيفه إلى خزنتك وبسجل الدخول، ما دامت خزنتك مفتوحة؛ عندما تحذفها يُحذف كل شيء، وتختفي النسخ من النسخ الاحتياطية خلال 30 يوماً. لا يُباع شيء ولا يُستعمل للإعلانات. يمكنك أن ترى بياناتك وتصححها وتنزّلها وتحذفها، وأن تعترض على استعمالها: اطلب ذلك في إعداداتك أو عبر جهة الدعم الخاصة بك. المسؤول عن المعالجة هو الجهة التي تدير هذه الخدمة على العنوان { $site }؛ ويمكنك أيضاً تقديم شكوى إلى CNIL.
terms-guarantees-title = التزاماتنا بحسن العمل
terms-guarantees-text = تُحفظ نسخة من خزنتك كل يوم، مشفّرة. يُفحص كل ملف حتى لا يتلف، ولا يمكن تغيير السجل دون أن يظهر ذلك. الخدمة مفتوحة كل يوم؛ والأعمال المبرمجة يُعلن عنها.
terms-restitution-title = استرجاع كل أوراقك
terms-restitution-text = كما يفرض القانون (المادة L103 من قانون البريد والاتصالات الإلكترونية الفرنسي)، يمكنك استرجاع كل أوراقك في أي وقت، مجاناً، بصيغ مفتوحة: ملف ZIP فيه ملفاتك وملف data.json، من الإعدادات، «تنزيل كل شيء». يمكنك فعل ذلك حتى قبل قبول هذه الشروط.
terms-accept-title = هل تقبل هذه الشروط؟
terms-accept-text = لاستعمال خزنتك، اقبل هذه الشروط. وإلا يمكنك مع ذلك تنزيل كل شيء أو تسجيل الخروج.
terms-accept-button = قرأت وأقبل
terms-accepted-on = قبلت الإصدار { $version } يوم { $date }.
terms-new-version = تغيّرت الشروط. اقرأها واقبلها من جديد.
journal-terms-accepted-success = { $who } قبل شروط الاستخدام.
error-terms-not-accepted = اقبل شروط الاستخدام أولاً.
error-terms-version = تغيّرت الشروط للتو: اقرأها من جديد قبل القبول.

# First visit guide (issue 17, item 5)
guide-title = أهلاً بك في خزنتك
guide-step = الشاشة { $n } من { $total }
guide-1-title = خزنتك
guide-1-text = احفظ هنا أوراقك: صور وثائقك، ملاحظاتك، مواعيدك. إنها مقفلة: المفتاح معك أنت.
guide-2-title = من يرى ماذا
guide-2-text = ما تضيفه خاص بك. أنت تختار ما تشاركه مع جهة الدعم الخاصة بك. سجلّك يبيّن من فتح ماذا.
guide-3-title = إذا نسيت كلمة المرور
guide-3-text = استعمل ورقة الاسترجاع المطبوعة، أو سؤال الأمان إذا اخترته. ويمكن لجهة الدعم أيضاً مساعدتك حضورياً.
guide-4-title = أين تجد المساعدة
guide-4-text = جهة الدعم الخاصة بك موجودة لمساعدتك. يمكنك رؤية هذا الدليل من جديد في أي وقت في «حسابي».
guide-next = التالي
guide-skip = تخطٍّ
guide-finish = الذهاب إلى خزنتي
guide-settings-text = أربع شاشات قصيرة تشرح خزنتك.
guide-open = رؤية الدليل

# Conventions and licences (issue 18)
admin-licence-link = الاتفاقية والترخيص
admin-licence-title = الاتفاقية والترخيص
admin-convention = الاتفاقية
admin-licence = الترخيص
convention-status-draft = مسودة
convention-status-signed = موقّعة
convention-status-ended = منتهية
field-signed-on = تاريخ التوقيع
field-signatories = الموقّعون
field-starts-on = بداية الفترة
field-ends-on = نهاية الفترة
admin-convention-document = الاتفاقية الموقّعة (PDF)
admin-convention-document-none = لم تُرفع أي اتفاقية موقّعة بعد.
admin-convention-download = تنزيل الاتفاقية الموقّعة
admin-licence-fee = الرسم السنوي: { $fee } €
admin-licence-none = لا يوجد ترخيص مسجّل.
admin-licence-period = من { $start } إلى { $end }
admin-licence-lapsed = انتهى الترخيص
admin-history = سجل التغييرات
admin-history-none = لا توجد تغييرات مسجّلة بعد.
admin-history-by = بواسطة { $name }، { $date } { $time }
licence-history-licence-period = فترة الترخيص
licence-history-licence-budget = الميزانية والرسم
licence-history-convention-status = حالة الاتفاقية
licence-history-convention-signed-on = تاريخ التوقيع
licence-history-convention-signatories = الموقّعون
licence-history-convention-document = الاتفاقية الموقّعة (PDF)
admin-quote = عرض سعر
admin-quote-intro = الرسم السنوي لميزانية مصرّح بها، دون تسجيل أي شيء.
admin-quote-result = الرسم السنوي لميزانية { $budget } €: { $fee } €
action-quote = احسب الرسم
admin-list-convention = الاتفاقية: { $status }
admin-list-licence-until = الترخيص حتى { $date }
admin-list-no-licence = لا يوجد ترخيص
error-licence-lapsed = انتهى ترخيص هذه الجهة: لا يمكن فتح خزائن جديدة حتى يسجّل المشغّل ترخيصًا جديدًا. يحتفظ الأشخاص بالوصول إلى خزائنهم ويبقى ما يشاركونه مقروءًا.
error-input-before-start = يجب ألا يسبق البداية.
error-input-unknown-status = ليست حالة معروفة.
# Usage and the monthly SMS budget (issue 18)
usage-title = الاستهلاك وميزانية الرسائل القصيرة
usage-intro = ما استخدمته المؤسسة كل شهر: رسائل قصيرة أُرسلت إلى الأشخاص الذين ترافقهم (تذكيرات بالمواعيد والأوراق، إشعارات بالرسائل)، ووثائق أضافها الفريق، وخزائن فُتحت. يُحسب فور حدوثه؛ الأشهر بحسب المنطقة الزمنية للمنصة.
usage-months-title = حسب الشهر
usage-months-caption = الاستهلاك حسب الشهر، الأحدث أولًا
usage-month = الشهر
usage-sms-sent = الرسائل القصيرة المرسلة
usage-sms-segments = أجزاء الرسائل القصيرة
usage-documents-added = وثائق أضافها المهنيون
usage-safes-opened = الخزائن المفتوحة
usage-download-csv = تنزيل (CSV)
usage-structure = المؤسسة
usage-budget-title = الميزانية الشهرية للرسائل القصيرة
usage-budget-current = الميزانية: { $count } رسالة قصيرة في الشهر. أُرسل هذا الشهر: { $sent }.
usage-budget-none = لا ميزانية: الرسائل القصيرة غير محدودة. أُرسل هذا الشهر: { $sent }.
usage-budget-hint = بعد هذا العدد في شهر واحد، لا تُرسل التذكيرات وإشعارات الرسائل برسالة قصيرة: يراها الأشخاص في صفحتهم الرئيسية. اتركه فارغًا لعدم التحديد.
field-monthly-sms = رسائل قصيرة في الشهر
usage-budget-reached = بُلغت ميزانية الرسائل القصيرة في { $date }: لم تُرسل هذا الشهر رسائل قصيرة عددها { $count }.
usage-budget-reached-hint = يرى الأشخاص هذه التذكيرات والرسائل في صفحتهم الرئيسية. ارفع الميزانية في صفحة الاستهلاك لإرسال الرسائل القصيرة من جديد.
usage-home-held-title = تذكيرات لم تُرسل برسالة قصيرة
usage-home-held-event = موعد: اعرضه
usage-home-held-expiry = ورقة يجب تجديدها: اعرضها
usage-home-held-deadline = أجل إجراء: اعرضه
usage-admin-title = استهلاك المؤسسات
usage-admin-intro = الرسائل القصيرة والوثائق المضافة والخزائن المفتوحة لكل مؤسسة خلال شهر، مع ميزانيتها للرسائل القصيرة.
usage-admin-empty = لم يُحسب شيء هذا الشهر.
usage-admin-caption = الاستهلاك في { $month }
usage-budget-column = ميزانية الرسائل القصيرة
# CSV imports and activation (issue 18, item 5)
team-import-open = استيراد مهنيين (ملف CSV)
import-structures-open = استيراد هياكل (ملف CSV)
import-pros-title = استيراد مهنيين
import-structures-title = استيراد هياكل
import-upload-title = اختر الملف
import-file = ملف CSV (UTF-8)
import-pros-format = السطر الأول: الترويسة أدناه. ثم مهني واحد في كل سطر: الاسم، البريد الإلكتروني، الدور (member أو admin).
import-structures-format = السطر الأول: الترويسة أدناه. ثم هيكل واحد في كل سطر: الاسم، النوع (relay أو mediation)، المدينة، الميزانية السنوية باليورو (يمكن تركها فارغة).
import-preview-action = تحقق من الملف
import-preview-title = معاينة
import-preview-hint = لم يُستورد شيء بعد: تحقق من الأسطر ثم أكّد.
import-preview-errors = لا يمكن استيراد أي شيء: صحّح الأسطر التي فيها أخطاء ثم أرسل الملف من جديد.
import-file-error = السطر { $line }: { $reason }
import-lines = عدد الأسطر: { $count }
import-col-line = السطر
import-col-result = النتيجة
import-col-link = رابط التفعيل
import-line-ok = جاهز
import-confirm = استيراد هذه الأسطر ({ $count })
import-done-pros = تم استيراد { $count } من المهنيين.
import-done-structures = تم استيراد { $count } من الهياكل.
import-invitations-title = روابط التفعيل
import-invitations-hint = تُعرض مرة واحدة فقط: نزّلها الآن وأعطِ كل مهني رابطه. يعمل الرابط مرة واحدة خلال 14 يومًا. ثم وافق عليه في الفريق.
import-invitations-download = تنزيل الروابط (CSV)
import-error-not-utf8 = الملف ليس نصًا بترميز UTF-8 (احفظه بصيغة CSV UTF-8).
import-error-unterminated-quote = حقل بين علامتي تنصيص غير مغلق.
import-error-stray-quote = علامة تنصيص داخل حقل غير محاط بعلامات تنصيص.
import-error-empty-file = الملف فارغ.
import-error-wrong-header = السطر الأول ليس الترويسة المتوقعة.
import-error-too-many-rows = أسطر كثيرة جدًا (1000 على الأكثر): قسّم الملف.
import-error-too-large = الملف كبير جدًا (256 كيلوبايت على الأكثر): قسّمه.
import-error-wrong-field-count = عدد الحقول غير صحيح
import-error-display-name-required = الاسم ناقص
import-error-display-name-too-long = الاسم طويل جدًا (80 حرفًا على الأكثر)
import-error-invalid-email = بريد إلكتروني غير صالح
import-error-invalid-role = يجب أن يكون الدور member أو admin
import-error-duplicate-in-file = يكرر سطرًا سابقًا
import-error-email-taken = يستخدم حساب أو دعوة هذا العنوان بالفعل
import-error-name-required = الاسم ناقص
import-error-name-too-long = الاسم طويل جدًا (120 حرفًا على الأكثر)
import-error-invalid-kind = يجب أن يكون النوع relay أو mediation
import-error-city-too-long = اسم المدينة طويل جدًا (80 حرفًا على الأكثر)
import-error-invalid-budget = يجب أن تكون الميزانية عددًا صحيحًا باليورو
import-error-name-taken = يوجد هيكل بهذا الاسم في هذه المدينة بالفعل
activate-title = فعّل حسابك
activate-intro = { $name }، اختر كلمة المرور للانضمام إلى { $structure }. ستسجّل الدخول بـ { $email }.
activate-submit = تفعيل حسابي
activate-done = حسابك جاهز. يجب الآن أن يوافق عليك أحد مسؤولي هيكلك قبل أن ترى ملفاته.
activate-login = تسجيل الدخول
activate-invalid = رابط التفعيل هذا لا يعمل: استُخدم من قبل أو مضى عليه أكثر من 14 يومًا. اطلب رابطًا جديدًا من مسؤول هيكلك.
journal-professionals-imported-success = قام { $who } باستيراد مهنيين من ملف.

# Licence renewal reminders (e-mail to structure admins) and the platform admin's list.
licence-renewal-subject = Consigne: تنتهي رخصة { $structure } في { $date }
licence-renewal-body =
    مرحبًا،
    تنتهي الرخصة السنوية لـ { $structure } للخزنة الرقمية Consigne في { $date } (تذكير قبل { $days } يومًا من الانتهاء).
    لتجديدها، اتصلوا بـ: { $contact }.
    بعد هذا التاريخ لن يتمكن المهنيون من فتح خزائن جديدة؛ ويحتفظ الأشخاص بالوصول إلى وثائقهم.
    — Consigne
admin-renewals = تذكيرات التجديد
admin-renewals-none = لم يُرسل أي تذكير بالتجديد بعد.
admin-renewals-notice = تذكير
admin-renewals-recipient = المستلم
admin-renewals-days = قبل { $days } يومًا من الانتهاء ({ $date })
admin-renewals-sent = أُرسل في { $date }
admin-renewals-failed = رفضه خادم البريد
admin-renewals-pending = في انتظار الإرسال (سُجّل في { $date })
