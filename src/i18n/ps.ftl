# Consigne — پښتو فهرست. هر id باید له fr.ftl سره یو شان وي (یو ازموینه یې ګوري).
# "relais" = "ملاتړې اداره" (جمع: ملاتړې ادارې). لیکنه له ښي څخه کیڼ لور ته.
# د کارن نوم بېلګه: نوم.تخلص.31121990 (وروستي اته عددونه = د زېږون نېټه، ورځ میاشت کال).

skip-to-content = منځپانګې ته لاړ شئ
language-label = ژبه
action-change-language = سمه ده
action-logout = وتل
demo-banner = ازمایښتي بڼه: مسلکي کارکوونکي او مدیران له دویم امنیتي پړاو پرته ننوځي. دلته رښتیني اسناد مه ږدئ.
footer-text = Consigne — ستاسو اسناد، خوندي. تاسو پرېکړه کوئ چې څوک څه وویني.

error-title = یوه ستونزه پېښه شوه
not-found-title = پاڼه ونه موندل شوه
not-found-text = دا پاڼه نشته، یا تاسو یې نشئ لیدلی.
action-back-home = لومړۍ پاڼې ته ستنېدل

error-invalid-credentials = کارن نوم یا پټنوم سم نه دی. وګورئ او بیا هڅه وکړئ. پټنوم مو هېر شوی؟ د ژغورنې کوډ وکاروئ، یا له خپلې ملاتړې ادارې مرسته وغواړئ.
error-throttled = { $minutes ->
    [one] ډېرې هڅې وشوې. { $minutes } دقیقه انتظار وباسئ، بیا هڅه وکړئ.
   *[other] ډېرې هڅې وشوې. { $minutes } دقیقې انتظار وباسئ، بیا هڅه وکړئ.
}
error-wrong-code = کوډ سم نه دی. هغه 6 عددونه ولیکئ چې همدا اوس ستاسو په اپلیکېشن کې ښکاري.
error-not-found = ونه موندل شو.
error-forbidden = ستاسو حساب دا کار نشي کولی.
error-access-pending = ستاسو د ادارې یو همکار باید یو ځل ننوځي، ترڅو تاسو ته د ادارې دوسیو ته لاسرسی درکړي.
error-consent = خانه په نښه کړئ، ترڅو د کس موافقه تایید کړئ.
error-email-taken = په دې ایمیل مخکې له مخکې حساب جوړ شوی دی.
error-storage-full = د ساتلو ځای ډک دی. وروسته بیا هڅه وکړئ، یا خپلې ملاتړې ادارې ته خبر ورکړئ.
error-session-expired = تاسو له حساب څخه ووتلئ. بیا ننوځئ.
error-internal = زموږ له خوا ستونزه پېښه شوه. یوه شېبه وروسته بیا هڅه وکړئ.
error-form-expired = د دې فورمې وخت پای ته رسېدلی. بیا هڅه وکړئ.
error-password-too-short = پټنوم ډېر لنډ دی: لږ تر لږه 8 توري.
error-password-too-long = پټنوم ډېر اوږد دی.
error-password-too-weak = پټنوم په اسانۍ اټکل کېږي. د څو کلمو یوه جمله پیاوړې ده او په اسانۍ په یاد پاتې کېږي.
error-password-common = پټنوم ډېر عام دی. داسې جمله وټاکئ چې یوازې تاسو یې پېژنئ.
error-password-personal = پټنوم باید ستاسو نوم یا د زېږون نېټه ونه لري.
# دا پیغامونه د خانې له نوم وروسته راځي: «نوم — دا خانه باید ډکه شي.»
error-input-required = — دا خانه باید ډکه شي.
error-input-invalid-name = — سمه بڼه نه لري.
error-input-invalid-date = — سمه نېټه نه ده (ورځ/میاشت/کال).
error-input-invalid-email = — سم ایمیل نه دی.
error-input-too-long = — ډېر توري لري.
error-input-invalid-phone = — سمه شمېره نه ده. داسې یې ولیکئ، د بېلګې په توګه: 06 12 34 56 78 یا ‎+44 20 7946 0958 یا 115.
error-input-unsupported-language = — دا ژبه نشته.
error-input-invalid-kind = — سمه بڼه نه لري.
error-input-invalid-role = — سمه بڼه نه لري.
error-input-invalid-identifier = — سمه بڼه نه لري، په لاتیني تورو یې ولیکئ، لکه: amina.benali.14021990
error-input-invalid-amount = — باید د یورو یو بشپړ عدد وي.

field-first-name = نوم
field-last-name = تخلص
field-birth-date = د زېږون نېټه
field-phone = ټیلیفون
field-language = ژبه
field-email = ایمیل
field-display-name = نوم
field-name = نوم
field-city = ښار
field-kind = ډول
field-role = رول
field-identifier = کارن نوم
field-password = پټنوم
field-annual-budget-eur = کلنۍ بودیجه (یورو)
field-budget = کلنۍ بودیجه (یورو)
field-structure-name = د ادارې نوم
field-structure-kind = د ادارې ډول
optional = (اختیاري)
password-rules = لږ تر لږه 8 توري. د څو کلمو یوه جمله تر ټولو ښه ده. نه نوم، نه د زېږون نېټه.

login-title = ننوتل
login-identifier = کارن نوم
login-identifier-hint = بېلګه: amina.benali.14021990 (نوم.تخلص او ستاسو د زېږون نېټه: ورځ میاشت کال، په لاتیني تورو). مسلکي کارکوونکي: ستاسو ایمیل
login-password = پټنوم
action-login = ننوتل
login-forgot = پټنوم مو هېر شوی؟
login-no-account = لا خوندي صندوق نه لرئ؟ یوه همکاره اداره (د ورځې مرکز، CCAS، ټولنه) کولی شي له تاسو سره یو پرانیزي.

totp-title = امنیتي کوډ
totp-code = ستاسو د تصدیق له اپلیکېشن څخه 6 عددي کوډ
action-continue = دوام
enroll-title = دویم امنیتي پړاو فعال کړئ
enroll-text = دا کوډ د تصدیق په یوه اپلیکېشن (لکه FreeOTP یا Aegis) سکن کړئ، بیا هغه 6 عددونه ولیکئ چې ښيي یې.
enroll-manual = سکن نشئ کولی؟ دا کیلي په اپلیکېشن کې ولیکئ:
action-confirm = تایید
action-retry = بیا هڅه وکړئ

recover-title = ورک شوی پټنوم
recover-text = هغه د ژغورنې کوډ وکاروئ چې ستاسو په پاڼه چاپ شوی، ترڅو نوی پټنوم وټاکئ.
recover-source = کوم کوډ لرئ؟
recover-source-sheet = زما د ژغورنې پاڼې کوډ
recover-source-relay = هغه کوډ چې زما ملاتړې ادارې همدا اوس راکړ
recover-code = د ژغورنې کوډ
recover-code-hint = ستاسو د پاڼې کوډ، د بېلګې په توګه ABCD-EFGH-…
recover-new-password = نوی پټنوم
action-recover = دا پټنوم وټاکئ
recover-no-code = کوډ نه لرئ؟ خپلې ملاتړې ادارې ته لاړ شئ: یو ټولنیز کارکوونکی هلته درسره مرسته کولی شي.
recover-done-title = نوی پټنوم خوندي شو
action-print = چاپ

logout-title = تاسو ووتلئ
logout-text = ستاسو د خوندي صندوق هېڅ شی په دې وسیله نه پاتې کېږي. دا پاڼه تړلی شئ.

home-title = زما خوندي صندوق
home-hello = سلام { $name }
home-sections = زما برخې
home-invitations = { $count ->
    [one] یوه اداره غواړي ستاسو ملاتړ وکړي.
   *[other] { $count } ادارې غواړي ستاسو ملاتړ وکړي.
}
notice-failed-logins = { $count ->
    [one] ستاسو له وروستي راتګ راهیسې، یو چا یو ځل هڅه وکړه چې ستاسو خوندي صندوق ته ننوځي، خو بریالی نه شو.
   *[other] ستاسو له وروستي راتګ راهیسې، یو چا { $count } ځله هڅه وکړه چې ستاسو خوندي صندوق ته ننوځي، خو بریالی نه شو.
} که تاسو نه وئ، په «زما حساب» کې خپل پټنوم بدل کړئ.
notice-recovered = ستاسو پټنوم د ژغورنې کوډ په مرسته په { $date } بدل شو. که تاسو نه وئ، ژر خپلې ملاتړې ادارې ته لاړ شئ.
notice-password-changed = ستاسو پټنوم په { $date } بدل شو. که تاسو نه وئ، ژر خپلې ملاتړې ادارې ته لاړ شئ.
action-see = کتل
section-relais = زما ملاتړې ادارې
section-settings = زما حساب

relais-intro = ستاسو ملاتړې ادارې هغه ادارې دي چې ستاسو ملاتړ کوي. د هرې یوې لپاره، تاسو وینئ چې هغه څه لیدلی شي.
relais-none = اوس مهال هېڅ ملاتړې اداره نه لرئ.
relais-since = له { $date } راهیسې
relais-recovery = دا ملاتړې اداره کولی شي په حضوري ډول درسره مرسته وکړي، ترڅو بیا خپل حساب ته لاسرسی ومومئ.
relais-sees = دا ملاتړې اداره څه ویني:
relais-sees-identity = ستاسو نوم، د زېږون نېټه، ټیلیفون او ژبه.
action-leave = له دې ملاتړې ادارې وتل
reset-title = په حضوري ډول د پټنوم بیا جوړول
action-start-reset = بیا جوړول پیل کړئ
reset-give = دا کوډ کس ته ورکړئ (ویې لیکئ یا یې چاپ کړئ). تاسو هېڅکله د هغه پټنوم نه وینئ او نه یې ټاکئ.
reset-step-1 = د ننوتلو په پاڼه کې، کس «پټنوم مو هېر شوی؟» ټاکي.
reset-step-2 = خپل کارن نوم لیکي، «هغه کوډ چې زما ملاتړې ادارې همدا اوس راکړ» ټاکي، او دا کوډ لیکي.
reset-valid-until = یوازې یو ځل د کارولو وړ، تر { $date } پورې
reset-not-recovery-relay = ستاسو اداره د هغو ملاتړو ادارو له ډلې نه ده چې کس د لاسرسي د بیا موندلو لپاره ټاکلې دي. هغه کولی شي دا اداره په «زما ملاتړې ادارې» کې وټاکي.
action-recovery-on = دې ملاتړې ادارې ته اجازه ورکول چې زما د خوندي صندوق په بیا موندلو کې راسره مرسته وکړي
action-recovery-off = دې ملاتړې ادارې ته نوره اجازه نه ورکول چې زما د خوندي صندوق په بیا موندلو کې راسره مرسته وکړي
invitations-title = بلنې
invitation-text = { $structure } غواړي ستاسو ملاتړ وکړي.
action-accept = منل
action-decline = ردول
leave-question = له { $structure } څخه وځئ؟
leave-text = دا اداره به نور ستاسو د خوندي صندوق هېڅ شی ونه ویني. وروسته کولی شي بیا تاسو ته بلنه درکړي.
action-leave-confirm = هو، وځم
action-cancel = لغوه

settings-language = ژبه
settings-password = پټنوم
settings-current-password = اوسنی پټنوم
settings-new-password = نوی پټنوم
settings-password-changed = پټنوم بدل شو. ستاسو نورې ناستې وتړل شوې.
action-save = خوندي کول

pro-title = زما اداره
pro-no-structure = تاسو لا د هېڅ ادارې غړي نه یاست.
pro-mediation = منځګړې اداره: تاسو خوندي صندوقونه پرانیستلی شئ، خو د هېچا منځپانګه نه وینئ.
pro-followed = { $count ->
    [one] { $count } کس تر ملاتړ لاندې
   *[other] { $count } کسان تر ملاتړ لاندې
}
pro-followed-none = اوس مهال هېڅوک نشته.
pro-invite-label = هغه کس ته بلنه ورکړئ چې مخکې له مخکې خوندي صندوق لري (کارن نوم)
action-invite = بلنه ورکول
action-open-safe = خوندي صندوق پرانیستل
team-title = ټیم
invite-sent-title = بلنه ولېږل شوه
invite-sent-text = که دا کارن نوم شتون ولري، کس به بلنه په راتلونکي ځل ننوتلو کې وویني.

open-title = خوندي صندوق پرانیستل
open-intro = له کس سره او د هغه په موافقه. هغه به په خپل کارن نوم او پټنوم ننوځي.
open-password-legend = پټنوم
open-password-typed = کس پخپله خپل پټنوم لیکي
open-password-generate = د 5 کلمو پټه جمله جوړول
open-password-field = هغه پټنوم چې کس لیکلی دی
open-consent = کس موافق دی چې خوندي صندوق ولري، او ورته ویل شوي چې څوک څه لیدلی شي.

sheet-title = د ژغورنې پاڼه
sheet-identifier = کارن نوم
sheet-recovery-code = د ژغورنې کوډ
sheet-lost-title = که پټنوم مو ورک شي
sheet-lost-1 = { $address } ته لاړ شئ (یا کوډ سکن کړئ) او «{ $forgot }» وټاکئ.
sheet-lost-2 = خپل کارن نوم او دا د ژغورنې کوډ ولیکئ، بیا نوی پټنوم وټاکئ.
sheet-lost-3 = پاڼه نه لرئ؟ خپلې ملاتړې ادارې ته لاړ شئ: یو ټولنیز کارکوونکی هلته درسره مرسته کولی شي.
sheet-keep = دا پاڼه په خوندي ځای کې، له خپل ټیلیفون څخه لرې وساتئ. په Consigne کې هېڅوک ستاسو خوندي صندوق نشي لوستلی.
sheet-passphrase-title = پټنوم
sheet-passphrase-text = دا پټنوم کس ته وښایئ، ترڅو یې یاد کړي یا یې ولیکي. دا نه چاپېږي.
sheet-print-hint = د چاپ لپاره، د براوزر د چاپ مینو وکاروئ.
action-done = بشپړ شو

team-empty = اوس مهال هېڅ مسلکي کارکوونکی نشته.
team-pending = لاسرسی په تمه دی
team-add = یو مسلکي کارکوونکی زیات کړئ
team-initial-password = لومړنی پټنوم
team-added = د { $name } نوم ټیم ته زیات شو.
role-member = غړی
role-admin = د ادارې مدیر
action-add = زیاتول

admin-title = ادارې
admin-structures = همکارې ادارې
admin-no-structure = اوس مهال هېڅ اداره نشته.
admin-create = یوه اداره ثبت کړئ
structure-kind-relay = ملاتړې اداره (د کسانو ملاتړ کوي)
structure-kind-mediation = منځګړې اداره (خوندي صندوقونه پرانیزي، هېڅ منځپانګه نه ویني)
action-create = ثبتول

# Documents and journal
section-documents = زما اسناد
section-journal = د پېښو ثبت
doc-folders = فولډرونه
doc-none = اوس مهال دلته هېڅ سند نشته. د یوې پاڼې عکس واخلئ، یا لاندې یو فایل زیات کړئ.
doc-none-shared = دا کس له ستاسو ادارې سره هېڅ سند نه شریکوي.
doc-shared-with-you = هغه اسناد چې له ستاسو ادارې سره شریک شوي دي
doc-type-pdf = PDF
doc-type-photo = عکس
doc-expires = اعتبار یې تر { $date } پورې دی
doc-add-title = فایل زیاتول
doc-file = فایل
doc-file-hint = یو عکس (JPEG، PNG، WebP) یا PDF، تر { $max } MB پورې.
doc-name = د سند نوم
doc-add-submit = زما خوندي صندوق ته زیاتول
doc-new-folder = نوی فولډر
doc-folder-name = د فولډر نوم
doc-folder = فولډر
doc-expiry = د اعتبار د پای نېټه
doc-edit = نوم، فولډر، د اعتبار د پای نېټه
doc-download = ډاونلوډ
doc-shared-computer-warning = په ګډ کمپیوټر کې، ډاونلوډ شوی فایل د ډاونلوډونو (Downloads) په فولډر کې پاتې کېږي: له کارولو وروسته یې ړنګ کړئ.
doc-who-sees = دا سند څوک ویني
doc-private-no-relais = یوازې تاسو: تاسو هېڅ ملاتړې اداره نه لرئ.
doc-share-legend = له خپلو ملاتړو ادارو سره شریکول
doc-added-by = په { $date } زیات شو ({ $who }).
doc-delete = دا سند ړنګول
doc-delete-question = «{ $name }» ړنګ شي؟
doc-delete-text = سند به د تل لپاره پاک شي، ستاسو لپاره هم او ستاسو د ملاتړو ادارو لپاره هم.
doc-delete-confirm = هو، ړنګ یې کړئ
doc-no-preview = د دې سند مخکتنه نشته. د لوستلو لپاره یې ډاونلوډ کړئ.
doc-pages = د سند پاڼې
doc-page-alt = پاڼه { $n } له { $total }
doc-pages-partial = لومړۍ پاڼې ښودل شوې: { $shown } له { $total }. د نورو لیدلو لپاره سند ډاونلوډ کړئ.
pro-doc-back = د شخص دوسیې ته بېرته
relais-sees-documents = { $count ->
    [one] { $count } سند چې تاسو ورسره شریک کړی دی.
   *[other] { $count } اسناد چې تاسو ورسره شریک کړي دي.
}
error-unsupported-type = دا ډول فایل نه منل کېږي. یو عکس (JPEG، PNG، WebP) یا PDF ولېږئ.
error-file-too-large = فایل ډېر لوی دی (تر { $max } MB پورې). بیا عکس واخلئ، یا له خپلې ملاتړې ادارې مرسته وغواړئ.
error-pdf-not-checkable = دا PDF دلته د پاکولو لپاره ډېر لوی دی (تر { $max } MB زیات) او پکې سکریپټونه، ضمیمه فایلونه یا داسې برخې دي چې موږ یې نه شو کتلی. بیا یې د PDF په توګه خوندي کړئ (چاپ، بیا د PDF په توګه خوندي کول) یا یې په څو کوچنیو فایلونو کې ولېږئ.
error-photo-too-large = دا عکس ډېر لوی دی (تر { $max } MB زیات). بیا یې په ټیټ کیفیت (ریزولوشن) واخلئ، یا یې د PDF په توګه ولېږئ.
error-too-many-files = په یو ځل ډېر عکسونه (تر 20 پورې).
error-quota = ستاسو خوندي صندوق ډک دی. هغه اسناد ړنګ کړئ چې نور ورته اړتیا نه لرئ.
error-input-damaged-file = — خراب یا نیمګړی دی. له بلې کاپي سره بیا هڅه وکړئ.
error-input-malformed-upload = — په بشپړ ډول ترلاسه نه شو. بیا هڅه وکړئ.
field-file = فایل
journal-intro = هر څه چې ستاسو په خوندي صندوق کې پېښ شوي: چا څه پرانیستل یا بدل کړل، او کله.
journal-you = تاسو
journal-someone = یو څوک
journal-deleted-document = یو ړنګ شوی سند
journal-login-success = ننوتل ({ $who }).
journal-login-failure = یو چا هڅه وکړه چې ستاسو خوندي صندوق ته ننوځي، خو بریالی نه شو.
journal-safe-opened-success = ستاسو خوندي صندوق پرانیستل شو ({ $who }).
journal-profile-viewed-success = ستاسو معلومات وکتل شول ({ $who }).
journal-invitation-sent-success = تاسو ته د ملاتړ بلنه ولېږل شوه ({ $who }).
journal-invitation-accepted-success = بلنه ومنل شوه ({ $who }).
journal-invitation-declined-success = بلنه رد شوه ({ $who }).
journal-relay-left-success = یوه ملاتړې اداره پرېښودل شوه ({ $who }).
journal-password-changed-success = پټنوم بدل شو ({ $who }).
journal-recovered-with-code-success = پټنوم د ژغورنې کوډ په مرسته بدل شو.
journal-recovered-in-person-success = پټنوم ستاسو په ملاتړې اداره کې بدل شو.
journal-reset-started-success = ستاسو د پټنوم د بیا جوړولو غوښتنه وشوه ({ $who }).
journal-recovery-relay-added-success = یوه ملاتړې اداره اوس کولی شي د لاسرسي په بیا موندلو کې مرسته وکړي ({ $who }).
journal-recovery-relay-removed-success = یوه ملاتړې اداره نور نشي کولی د لاسرسي په بیا موندلو کې مرسته وکړي ({ $who }).
journal-document-uploaded-success = «{ $what }» زیات شو ({ $who }).
journal-document-viewed-success = «{ $what }» وکتل شو ({ $who }).
journal-document-downloaded-success = «{ $what }» ډاونلوډ شو ({ $who }).
journal-document-renamed-success = د «{ $what }» نوم بدل شو ({ $who }).
journal-document-moved-success = «{ $what }» بل ځای ته ولېږدول شو ({ $who }).
journal-document-expiry-set-success = د «{ $what }» د اعتبار د پای نېټه بدله شوه ({ $who }).
journal-document-deleted-success = یو سند ړنګ شو ({ $who }).
journal-document-shared-success = «{ $what }» له یوې ملاتړې ادارې سره شریک شو ({ $who }).
journal-document-unshared-success = د «{ $what }» شریکول ودرول شول ({ $who }).
journal-viewed-times = «{ $what }» { $count } ځله وکتل شو ({ $who }).
journal-shared-with = «{ $what }» له { $relais } سره شریک شو ({ $who }).
journal-unshared-with = له { $relais } سره د «{ $what }» شریکول ودرول شول ({ $who }).
journal-folder-created-success = یو فولډر جوړ شو ({ $who }).
journal-folder-deleted-success = یو فولډر ړنګ شو ({ $who }).
journal-document-exported-success = «{ $what }» د خوندي صندوق په یوه بشپړه کاپي کې شامل شو ({ $who }).
export-title = هر څه له ځان سره یوسئ
export-text = یو فایل (ZIP) چې ستاسو ټول اسناد پکې دي، د data.json یو فایل چې نور ټول معلومات پکې دي، او د ډیجیټل نښو (hash) یو لېست، ترڅو وګورئ چې هېڅ شی نه دی بدل شوی.
export-download = زما د خوندي صندوق ډاونلوډ
delete-account-title = زما خوندي صندوق ړنګول
delete-account-text = هر څه د تل لپاره پاکېږي: ستاسو اسناد، له ملاتړو ادارو سره ستاسو اړیکې، او ستاسو حساب. که غواړئ یوه کاپي وساتئ، لومړی خپل خوندي صندوق ډاونلوډ کړئ.
delete-account-password = ستاسو پټنوم، د تایید لپاره
delete-account-confirm = هر څه ړنګول
delete-account-done-title = ستاسو خوندي صندوق ړنګ شو
delete-account-done-text = له هغه هېڅ شی نه دی پاتې. یوه همکاره اداره هر وخت کولی شي له تاسو سره نوی خوندي صندوق پرانیزي.
doc-page-up = پاڼه پورته یوسئ
doc-page-down = پاڼه ښکته یوسئ
doc-folder-edit = دا فولډر بیا نومول یا لېږدول
doc-folder-delete-hint = څه چې پکې دي بېرته « زما اسناد » ته ځي: هېڅ سند نه ورکېږي.
doc-folder-delete = دا فولډر ړنګول
error-folder-cycle = یو فولډر خپل یو فرعي فولډر ته نه شي تلای.

## Contacts, notes and appointments
section-contacts = زما اړیکې
section-notes = زما یادښتونه
section-events = زما ملاقاتونه
contact-add = اړیکه زیاتول
note-add = یادښت زیاتول
event-add = ملاقات زیاتول
contact-none = لا تر اوسه اړیکه نشته.
note-none = لا تر اوسه یادښت نشته.
event-none = لا تر اوسه ملاقات نشته.
contact-none-shared = دا کس له ستاسو ادارې سره هېڅ اړیکه نه شریکوي.
note-none-shared = دا کس له ستاسو ادارې سره هېڅ یادښت نه شریکوي.
event-none-shared = دا کس له ستاسو ادارې سره هېڅ ملاقات نه شریکوي.
contact-shared-with-you = هغه اړیکې چې ستاسو له ادارې سره شریکې شوې
note-shared-with-you = هغه یادښتونه چې ستاسو له ادارې سره شریک شوي
event-shared-with-you = هغه ملاقاتونه چې ستاسو له ادارې سره شریک شوي
note-list-hint = د یادښت متن دلته پټ دی: د لوستلو لپاره یادښت پرانیزئ.
event-upcoming = راتلونکي
event-past = تېر شوي
event-reminder-1440 = SMS یوه ورځ مخکې
event-reminder-120 = SMS دوه ساعته مخکې
event-reminder-minutes = SMS { $minutes } دقیقې مخکې
item-edit = بدلول
item-delete = ړنګول
item-delete-question = «{ $name }» ړنګ شي؟
item-delete-text = دا به د تل لپاره پاک شي، ستاسو او ستاسو د ملاتړو ادارو لپاره.
item-delete-confirm = هو، ړنګ یې کړئ
item-who-sees = دا څوک ویني
item-added-by = د { $who } لخوا په { $date } زیات شو.
item-back-to-file = د کس دوسیې ته بېرته
field-title = سرلیک
field-body = متن
field-address = پته
field-comment = تبصره
field-date = نېټه
field-time = وخت
field-starts-at = نېټه او وخت
field-location = ځای
field-reminders = یادونې
error-input-invalid = — سم نه دی.
error-input-invalid-datetime = — نېټه او وخت سم نه دي.
error-input-invalid-reminder = — یادونه سمه نه ده.
error-input-too-many-reminders = — تر ټولو ډېر ۵ یادونې.
relais-sees-contacts = هغه اړیکې چې ورسره یې شریکوئ: { $count }
relais-sees-notes = هغه یادښتونه چې ورسره یې شریکوئ: { $count }
relais-sees-events = هغه ملاقاتونه چې ورسره یې شریکوئ: { $count }
journal-deleted-item = یو شی چې وروسته ړنګ شو
journal-contact-created-success = اړیکه «{ $what }» زیاته شوه ({ $who }).
journal-contact-viewed-success = اړیکه «{ $what }» پرانیستل شوه ({ $who }).
journal-contact-updated-success = اړیکه «{ $what }» بدله شوه ({ $who }).
journal-contact-deleted-success = یوه اړیکه ړنګه شوه ({ $who }).
journal-contact-shared-success = اړیکه «{ $what }» له یوې ملاتړې ادارې سره شریکه شوه ({ $who }).
journal-contact-unshared-success = اړیکه «{ $what }» نور نه شریکېږي ({ $who }).
journal-note-created-success = یادښت «{ $what }» زیات شو ({ $who }).
journal-note-viewed-success = یادښت «{ $what }» پرانیستل شو ({ $who }).
journal-note-updated-success = یادښت «{ $what }» بدل شو ({ $who }).
journal-note-deleted-success = یو یادښت ړنګ شو ({ $who }).
journal-note-shared-success = یادښت «{ $what }» له یوې ملاتړې ادارې سره شریک شو ({ $who }).
journal-note-unshared-success = یادښت «{ $what }» نور نه شریکېږي ({ $who }).
journal-event-created-success = ملاقات «{ $what }» زیات شو ({ $who }).
journal-event-viewed-success = ملاقات «{ $what }» پرانیستل شو ({ $who }).
journal-event-updated-success = ملاقات «{ $what }» بدل شو ({ $who }).
journal-event-deleted-success = یو ملاقات ړنګ شو ({ $who }).
journal-event-shared-success = ملاقات «{ $what }» له یوې ملاتړې ادارې سره شریک شو ({ $who }).
journal-event-unshared-success = ملاقات «{ $what }» نور نه شریکېږي ({ $who }).
sms-event-reminder = Consigne: تاسو د { $date } په نېټه د { $time } بجو لیدنه لرئ. جزئیات ستاسو په صندوق کې دي.
sms-expiry-reminder = Consigne: ستاسو د یو سند موده په { $days } ورځو کې پای ته رسېږي. خپل صندوق پرانیزئ چې په وخت یې نوی کړئ.
reminder-status-scheduled = پلان شوی
reminder-status-sent = واستول شو
reminder-status-delivered = ورسېد
reminder-status-failed = ونه رسېد
home-expiring-title = هغه سندونه چې ژر باید نوي شي
home-expiring-item = { $name }: په { $date } پای ته رسېږي
home-expired-item = { $name }: په { $date } پای ته ورسېد
home-expiring-more = … او { $count } نور: زما سندونه وګورئ
agenda-download = زما تقویم ښکته کړئ (‎.ics فایل)
contacts-download = زما اړیکې ښکته کړئ (‎.vcf فایل)
feed-title = زما ملاقاتونه زما په ټیلیفون کې
feed-open = زما ملاقاتونه زما د ټیلیفون په تقویم کې وښایئ
feed-intro = ستاسو د ټیلیفون تقویم کولی شي ستاسو ملاقاتونه وښيي او تازه یې وساتي. دا یو شخصي لینک کاروي: له ځان سره یې وساتئ.
feed-none = تاسو لا شخصي لینک نه لرئ.
feed-create = زما شخصي لینک جوړ کړئ
feed-created = ستاسو شخصي لینک چمتو دی.
feed-subscribe = زما د ټیلیفون تقویم ته یې ورزیات کړئ
feed-link-label = زما شخصي لینک
feed-qr-hint = یا دا کوډ په خپل ټیلیفون سکین کړئ.
feed-warning = هر څوک چې دا لینک ولري ستاسو ملاقاتونه ویني (نه ستاسو اسناد). که مو په غلطۍ ورکړی وي، ودروئ یې.
feed-hidden = دا لینک دلته بیا نه ښودل کېږي. که اړتیا وي نوی جوړ کړئ.
feed-last-read = د یو تقویم وروستی لوستل: { $when }
feed-never-read = تر اوسه یې هېڅ تقویم نه دی لوستی.
feed-renew = نوی لینک جوړ کړئ (زوړ ودرېږي)
feed-revoke = دا لینک ودروئ
feed-revoked = لینک ودرول شو. نور هېڅ تقویم پرې ستاسو ملاقاتونه نه شي لوستلی.
journal-calendar-feed-created-success = { $who } د تقویم شخصي لینک جوړ کړ.
journal-calendar-feed-revoked-success = { $who } د تقویم شخصي لینک ودراوه.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = ستاسو مسلکي حساب دویم فکتور ته اړتیا لري. دوام ورکړئ چې هغه کیلي ترلاسه کړئ چې باید د تصدیق اپلیکیشن کې یې ولیکئ.
# issue 11: members
error-access-pending-approval = لومړی باید ستاسو د ادارې یو مدیر چې د هغې کیلي لري، ستاسو لاسرسی تایید کړي.
error-account-deactivated = ستاسو ادارې دا حساب غیرفعال کړی دی. که تېروتنه وي، له مدیر یې وپوښتئ.
error-last-key-holder = دا وروستی غړی دی چې د ادارې کیلي لري: لومړی بل غړی تایید کړئ، کنه هېڅوک به ونه شي کولای هغه څه پرانیزي چې خلک یې له ادارې سره شریکوي.
error-member-not-pending = دا غړی نور د تایید په تمه نه دی.
error-key-not-held = تاسو لا د ادارې کیلي نه لرئ.
team-pending-title = د تایید په تمه
team-approve-hint = یوازې هغه همکاره تایید کړئ چې پېژنئ یې، له هغې سره د مخامخ کتنې وروسته: تایید هغې ته د هغو ټولو شیانو کیلي ورکوي چې خلک یې له ادارې سره شریکوي.
team-pending-hint = مخکې له دې چې دا غړي څه وویني، د ادارې یو مدیر چې کیلي یې لري باید هغوی تایید کړي.
team-requested = د { $name } غوښتنه، { $date }
team-requested-unknown = یو څوک
team-approve = تایید
team-refuse = ردول
team-no-key = بې کیلي
team-deactivate = غیرفعالول
team-deactivate-hint = د یو غړي غیرفعالول یې ناستې سمدستي پای ته رسوي، لاسرسی یې لرې کوي او د ادارې کیلي نوې کوي. نوم یې په ثبتونو کې پاتې کېږي.
team-former-title = پخواني غړي
team-deactivated-on = په { $date } غیرفعال شو
team-add-pending-hint = تاسو د ادارې کیلي نه لرئ: نوی غړی به تر هغه په تمه وي چې یو مدیر چې کیلي لري هغه تایید کړي.
team-added-pending = { $name } اضافه شو او د یو مدیر د تایید په تمه دی.
team-approved = غړی تایید شو: اوس د ادارې دوسیو ته لاسرسی لري.
team-deactivated = غړی غیرفعال شو: ناستې یې پای ته ورسېدې او د ادارې کیلي نوې کېږي.
journal-member-added-success = { $who } ادارې ته یو غړی اضافه کړ.
journal-member-requested-success = { $who } ادارې ته د یو غړي د اضافه کولو غوښتنه وکړه.
journal-member-approved-success = { $who } د ادارې یو غړی تایید کړ.
journal-member-deactivated-success = { $who } د ادارې یو غړی غیرفعال کړ.
journal-structure-key-rotated-success = د ادارې کیلي نوې شوه.
# issue 11: reset
reset-intro-confirmed = کس خپل پټنوم او د ژغورنې پاڼه ورکه کړې ده؟ کله چې هغه ستاسو مخې ته وي، د بیا جوړولو غوښتنه وکړئ. ستاسو د ادارې یو همکار باید تایید یې کړي؛ بیا کوډ کس ته ورکول کېږي، او هغه پخپله نوی پټنوم ټاکي.
reset-awaiting-text = د بیا جوړولو غوښتنه وشوه. ستاسو د ادارې یو همکار باید دا د خپلې لومړۍ پاڼې څخه تایید کړي: بیا کوډ هغه ته ښودل کېږي، ترڅو یې کس ته ورکړي.
reset-delayed-text = تاسو د خپلې ادارې یوازینی غړی یاست چې دا تاییدولی شئ. د کس د ساتنې لپاره، کوډ یوازې له { $date } وروسته جوړېدای شي. هغه وخت ورسره بېرته راشئ: غوښتنه به ستاسو په لومړۍ پاڼه کې وي.
reset-she-is-told = کس ته خبر ورکړل شو (په SMS که شمېره یې معلومه وي، او د هغه په پاڼه کې). هغه یې لغوه کولی شي.
reset-step-3-new-sheet = هغه نوی پټنوم ټاکي، ننوځي، او د ژغورنې نوې پاڼه چاپوي.
resets-pending-title = بیا جوړونې چې د تایید په تمه دي
resets-pending-item = { $person }: د { $who } غوښتنه په { $date }.
resets-confirmed = مخکې تایید شوې: کوډ یو ځل ورکړل شو.
resets-delayed-until = یوازې تاسو یې له { $date } وروسته تاییدولی شئ.
resets-needs-colleague = د ادارې بل غړی باید دا تایید کړي.
action-confirm-reset = تایید او کوډ ښودل
action-cancel-reset = دا بیا جوړونه لغوه کړئ
notice-reset-started = په { $date } د { $structure } کې ستاسو د پټنوم د بیا جوړولو غوښتنه وشوه.
notice-reset-delayed = له { $date } مخکې نه کارول کېږي.
notice-reset-not-you = که تاسو غوښتنه نه وي کړې، همدا اوس یې لغوه کړئ.
notice-new-sheet = ستاسو د ژغورنې کوډ نور کار نه کوي. همدا اوس د ژغورنې نوې پاڼه چاپ کړئ او په خوندي ځای کې یې وساتئ.
action-new-sheet = زما د ژغورنې نوې پاڼه جوړول
new-sheet-title = د ژغورنې نوې پاڼه
new-sheet-text = دا د ژغورنې نوی کوډ جوړوي؛ زوړ کوډ نور کار نه کوي. پاڼه چاپ کړئ یا کوډ ولیکئ، او په خوندي ځای کې یې وساتئ، نه له خپل تلیفون سره.
new-sheet-login-again = ستاسو د ساتنې لپاره، ووځئ او بیا ننوځئ، بیا بېرته راشئ چې خپله پاڼه جوړه کړئ.
phone-title = زما د تلیفون شمېره
phone-text = یوازې تاسو ته د یادونو او امنیتي پیغامونو د لېږلو لپاره کارېږي (د بېلګې په توګه که څوک ستاسو د پټنوم د بیا جوړولو غوښتنه وکړي). د پاکولو لپاره یې تش پرېږدئ.
phone-hint = د بېلګې په توګه 06 12 34 56 78
phone-pro-text = یوازې له کس سره یې بدل کړئ. هغه به یې په خپل ثبت کې وویني؛ زړې شمېرې ته یې پیغام ځي.
open-recovery-legend = ایا ستاسو اداره کولی شي له هغه سره مرسته وکړي چې بیا خپل خوندي صندوق ته لاسرسی ومومي؟
open-recovery-consequence = له هغه وپوښتئ. که هو ووايي، دا ملاتړې اداره به وکولی شي که یې پټنوم او پاڼه ورکه شي بیا د ننوتلو کې ورسره مرسته وکړي؛ په بدترین حالت کې، کولی شي د هغه خوندي صندوق پرانیزي. هغه هر وخت کولی شي په «زما ملاتړې ادارې» کې خپل نظر بدل کړي.
open-recovery-yes = هو، دا ملاتړې اداره کولی شي د لاسرسي په بیا موندلو کې مرسته وکړي
open-recovery-no = نه
open-recovery-required = وښایئ چې ایا دا ملاتړې اداره د لاسرسي په بیا موندلو کې مرسته کولی شي.
relais-recovery-consequence = هغه ملاتړې اداره چې مرستې ته یې اجازه لري، که ستاسو پټنوم او پاڼه ورکه شي، لاسرسی درته بېرته درکولی شي؛ په بدترین حالت کې، کولی شي ستاسو خوندي صندوق پرانیزي. هر ځل تاسو ته خبر درکول کېږي، او تاسو یې لغوه کولی شئ.
recover-done-new-sheet = ستاسو پټنوم بدل شو. ستاسو د ژغورنې زوړ کوډ نور کار نه کوي: همدا اوس ننوځئ او د ژغورنې نوې پاڼه چاپ کړئ.
sms-reset-started = Consigne: چا ستاسو خوندي صندوق ته د لاسرسي د بیا جوړولو غوښتنه کړې. که تاسو نه وئ، ننوځئ او لغوه یې کړئ.
sms-phone-changed = Consigne: ستاسو د خوندي صندوق د تلیفون شمېره بدله شوه. که تاسو نه وئ، له خپلې ملاتړې ادارې سره خبرې وکړئ.
journal-reset-confirmed-success = د پټنوم بیا جوړونه تایید شوه ({ $who }).
journal-reset-cancelled-success = د پټنوم بیا جوړونه لغوه شوه ({ $who }).
journal-recovery-code-renewed-success = د ژغورنې نوې پاڼه چاپ شوه، زوړ کوډ نور کار نه کوي ({ $who }).
journal-phone-changed-success = د تلیفون شمېره بدله شوه ({ $who }).
journal-phone-removed-success = د تلیفون شمېره پاکه شوه ({ $who }).
# issue 11: media (image and PDF bombs)
error-image-too-large = په دې انځور کې ډېر زیات پکسلونه دي او دلته پروسس کېدای نشي (له { $max } میګاپکسلو ډېر، یا په هر پکسل کې ډېر رنګونه). انځور په ټیټ وضاحت بیا واخلئ، یا یې د PDF په بڼه ولېږئ.
error-pdf-too-complex = دا PDF د خلاصېدو پر مهال دومره ډېر معلومات جوړوي چې دلته پروسس کېدای نشي. بیا یې د PDF په بڼه خوندي کړئ (چاپ، بیا د PDF په توګه خوندي کول) یا یې په څو کوچنیو فایلونو کې ولېږئ.
# issue 11: requests
error-field-too-long = د فورمې یوه برخه ډېره اوږده ده (د بېلګې په توګه نوم): لنډه یې کړئ او بیا یې ولېږئ.
error-scan-too-large = دا عکسونه یو ځای ډېر لوی دي (له { $max } مېګابایټه زیات): په یو ځل لږ پاڼې ولېږئ، یا یې په ټیټ کیفیت واخلئ.
# issue 12: paginated lists, the professional's search
pager-label = د لړلیک پاڼې
pager-previous = مخکینۍ پاڼه
pager-next = بله پاڼه
pager-position = پاڼه { $page }
field-page = د پاڼې شمېره
error-input-invalid-page = باید له ۱ څخه تر ۱۰۰۰۰۰ پورې بشپړ عدد وي.
pro-search-label = یو کس ولټوئ (تخلص، نوم یا د زېږون نېټه)
action-search = لټون
pro-search-clear = لټون پاک کړئ
pro-search-none = هېڅوک له دې لټون سره سمون نه خوري.
pro-search-found = { $count ->
    [one] { $count } کس وموندل شو
   *[other] { $count } کسان وموندل شول
}

## Times (local, to the minute)
time-zone-name = د { $city } په وخت
times-note = وختونه د { $city } په وخت دي.

## The printed recovery sheet, a structure's phone
sheet-address = د ویب پاڼې پته
sheet-qr-label = دا کوډ په خپل تلیفون سکن کړئ: د ننوتو پاڼه پرانیزي.
sheet-relay = ستاسو ملاتړې اداره چې په حضوري ډول مرسته کولی شي
sheet-made = دا پاڼه په { $date } جوړه شوه.
field-structure-phone = د ادارې تلیفون
structure-phone-hint = د هغو کسانو د ژغورنې پر پاڼه چاپېږي چې ستاسو اداره یې د خپل صندوق د بیا لاسرسي لپاره غوره کړې ده.
structure-phone-saved = د ادارې شمېره خوندي شوه.
journal-structure-phone-changed-success = { $who } د ادارې د تلیفون شمېره بدله کړه.

## Show password
password-show = پټنوم ښکاره کړئ

## Ready-made folders of a new safe
folder-identity = پېژندنه
folder-health = روغتیا
folder-housing = استوګنځی
folder-income = عاید
folder-family = کورنۍ
folder-other = نور
error-input-short-number = — لنډ پیغام نشي ترلاسه کولای. د ګرځنده ټیلیفون شمېره ورکړئ، د بېلګې په توګه 06 12 34 56 78 یا ‎+44 7700 900123.
login-identifier-homonym = ټکي، تشې یا کرښې، لکه څنګه چې غواړئ (amina benali 14/02/1990). که ستاسو پاڼه له نېټې وروسته یوه شمېره ښيي (د بېلګې په توګه ‎-2)، هغه هم ولیکئ.
sheet-homonym = ستاسو کارن نوم په «‎{ $number }» پای ته رسېږي: بل څوک همدا نوم او د زېږون نېټه لري. تل په پای کې «‎{ $number }» ولیکئ.
error-invalid-recovery = کارن نوم یا کوډ سم نه دی. دواړه وګورئ: کارن نوم او د ژغورنې کوډ ستاسو په پاڼه کې دي، یا کوډ ستاسو ملاتړې ادارې درکړی. که سم کوډ نه لرئ، خپلې ملاتړې ادارې ته لاړ شئ.
notice-recovered-in-person = ستاسو پټنوم په { $date } د هغه کوډ په مرسته بدل شو چې ستاسو ملاتړې ادارې درکړ (په حضوري ډول بیا تنظیم). که تاسو نه وئ، ژر خپلې ملاتړې ادارې ته لاړ شئ.
recover-done-in-person = ستاسو پټنوم ستاسو د ملاتړې ادارې د کوډ په مرسته بدل شو. ستاسو د ژغورنې زړه پاڼه هم نور کار نه کوي: همدا اوس ننوځئ او د ژغورنې نوې پاڼه چاپ کړئ.
doc-add-submit-for-her = د دې کس خوندي صندوق ته زیاتول
journal-document-expiry-removed-success = د «{ $what }» د اعتبار د پای نېټه پاکه شوه ({ $who }).
doc-pro-corrections = هغه سم کړئ چې ستاسو ادارې زیات کړی
doc-pro-corrections-hint = تاسو کولای شئ نوم یا د اعتبار د پای نېټه سمه کړئ، یا هغه سند ړنګ کړئ چې ستاسو ادارې زیات کړی، تر هغه چې هغه کس پخپله نه وي بدل کړی او شریکول یې نه وي بند کړي. هغه دا د خپلو پېښو په ثبت کې ویني.
doc-pro-delete-text = دا سند د دې کس له خوندي صندوق څخه د تل لپاره ړنګ کړئ.
reminder-status-no_phone = د تلیفون شمېره نشته: هېڅ نه لېږل کېږي
reminder-add-phone = شمېره زیاته کړئ
phone-remove = دا شمېره پاکه کړئ
phone-current = ثبت شوې شمېره:
phone-none = هېڅ شمېره نشته: د لنډ پیغام یادونې نشي لېږل کېدای.
phone-add = خپله شمېره زیاته کړئ
phone-change = خپله شمېره بدله یا پاکه کړئ

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = خوندي شو.
notice-added = خوندي صندوق ته زیات شو.
notice-deleted = ړنګ شو.
notice-shared = خوندي شو: هغه ملاتړې ادارې چې تاسو ټاکلې دي دا ویني.
notice-private = خوندي شو: دا شخصي دی، یوازې تاسو یې وینئ.
notice-invitation-accepted = بلنه ومنل شوه: دا ملاتړې اداره اوس ستاسو ملګرتیا کوي.
notice-invitation-declined = بلنه رد شوه: دا ملاتړې اداره ستاسو له خوندي صندوق څخه هېڅ نه ویني.
notice-relay-left = تاسو دا ملاتړې اداره پرېښوده: نور ستاسو له خوندي صندوق څخه هېڅ نه ویني.
notice-page-added = عکس زیات شو.
notice-page-removed = پاڼه لرې شوه.
notice-scan-cancelled = عکسونه پاک شول.
mark-private = شخصي
mark-shared = { $count ->
    [one] له یوې ملاتړې ادارې سره شریک شوی
   *[other] له { $count } ملاتړو ادارو سره شریک شوی
}
mark-shared-structure = ستاسو له ادارې سره شریک شوی
scan-take = عکس واخلئ
scan-take-another = د بلې پاڼې عکس واخلئ
scan-hint = د هرې پاڼې لپاره یو عکس. بیا پاڼې ګورئ، نوم ورکوئ او خوندي کوئ.
scan-hint-again = تر خوندي کولو مخکې لا هم د پاڼو ترتیب بدلولی شئ.
scan-chosen = عکس چمتو دی: «دوام» کېکاږئ.
scan-review-title = عکسونه وګورئ
scan-review-text = { $count ->
    [one] یوه پاڼه.
   *[other] { $count } پاڼې.
} وګورئ چې هره پاڼه ښه لوستل کېږي او پاڼې په ترتیب دي.
scan-page = پاڼه { $number }
scan-remove = لرې کول
scan-remove-page = { $number } پاڼه لرې کړئ
scan-save-title = نوم ورکړئ او خوندي یې کړئ
scan-save = { $count ->
    [one] سند خوندي کړئ (یوه پاڼه)
   *[other] سند خوندي کړئ ({ $count } پاڼې)
}
scan-cancel = لغوه کړئ او دا عکسونه پاک کړئ
scan-gone-title = دا عکسونه نور دلته نشته
scan-gone-text = عکسونه یو ساعت ساتل کېږي، تر هغه چې تاسو ننوتي یاست: خوندي، لغوه یا پاک شوي دي. بیا یې عکس واخلئ.

# Issue 14: a structure's statistics.
stats-title = شمېرنې
stats-intro = هره شمېره د هغو معلوماتو شمېرل دي چې سرور يې ښکاره ويني (نېټې، ډولونه، شمېرونکي): د حساب لپاره هېڅ منځپانګه نه پرانیستل کېږي. ورځې د پلاتفورم د وخت سيمې له مخې دي.
stats-structure = اداره
field-from = له
field-to = تر
stats-period = له { $from } تر { $to }
stats-no-rate = — (هېڅ صندوق نه دی پرانیستل شوی)
stats-download-csv = ښکته کول (CSV)
stats-download-ods = ښکته کول (ODS جدول)
error-input-invalid-period = سمه موده نه ده: پیل باید له پای نه مخکې وي، تر لسو کلونو پورې.
stats-from = د مودې پیل
stats-from-def = لومړۍ شمېرل شوې ورځ.
stats-to = د مودې پای
stats-to-def = وروستۍ شمېرل شوې ورځ.
stats-people-followed = تعقیب شوي کسان
stats-people-followed-def = هغه کسان چې د مودې په پای کې دا اداره د خپلې ملاتړې ادارې په توګه لري: له دې نېټې مخکې يې غوره کړې او له هغه وخته يې نه ده پرېښې (Consigne د تلو نښه نه ساتي).
stats-safes-opened = پرانیستل شوي صندوقونه
stats-safes-opened-def = هغه خوندي صندوقونه چې د ادارې یوه کارکوونکي په دې موده کې پرانیستي دي.
stats-safes-reconnected = بیا نښلول شوي کسان
stats-safes-reconnected-def = له دې صندوقونو څخه هغه چې څښتنې يې لږ تر لږه یو ځل پخپله د پرانیستلو وروسته د ۱ او ۱۸۳ ورځو ترمنځ ننوتې ده. n ورځ د پرانیستلو نه n × ۲۴ ساعته وروسته پیلېږي: د پرانیستلو ورځ نه شمېرل کېږي، او نه له ۱۸۳ ورځې وروسته ننوتل.
stats-reconnection-rate = د بیا نښلولو کچه
stats-reconnection-rate-def = بیا نښلول شوي کسان وېشل پر پرانیستل شوو صندوقونو (که هېڅ صندوق نه وي پرانیستل شوی، تش دی). هغه صندوق چې له ۱۸۴ ورځو لږ مخکې پرانیستل شوی هم شمېرل کېږي.
stats-relais-accepted = نوې منل شوې ملاتړې ادارې
stats-relais-accepted-def = هغه کسان چې په دې موده کې يې ومنله چې دا اداره د هغوی ملاتړې اداره شي (منل شوې بلنه). هغه صندوقونه چې اداره پخپله پرانیستي دلته نه شمېرل کېږي.
stats-documents-added-by-professionals = د کارکوونکو له خوا زیات شوي اسناد
stats-documents-added-by-professionals-def = هغه اسناد چې د ادارې یوه کارکوونکي په دې موده کې د یو کس صندوق ته زیات کړي (ړنګ شوي نور نه شمېرل کېږي).
stats-documents-added-by-people = د کسانو پخپله زیات شوي اسناد
stats-documents-added-by-people-def = هغه اسناد چې کسانو پخپله په دې موده کې زیات کړي او له ادارې سره يې شریکوي. هغه چې ځان ته یې ساتي نه شمېرل کېږي.
stats-sms-sent = لېږل شوي SMS
stats-sms-sent-def = د SMS یادونې چې په دې موده کې هغو کسانو ته لېږل شوې چې اداره يې صندوق پرانیستی.
stats-sms-segments = د SMS برخې
stats-sms-segments-def = هغه برخې چې عملیاتي شرکت د دې SMS لپاره شمېرلې (اوږد متن یا د ځانګړو تورو لرونکی متن څو برخې شمېرل کېږي).

# Household (issue 14, item 3)
family-title = زما کورنۍ
family-intro = که موافق وي، خپل صندوق د کورنۍ له صندوقونو (ملګری، ماشومان، مور او پلار) سره وتړئ، او هغه کسان ولیکئ چې ستاسو تر سرپرستۍ لاندې دي او صندوق نه لري. تړاو هېڅکله ستاسو رابطو ته له هغه څه زیات نه ښيي چې تاسو ورسره شریکوئ.
family-links-title = تړل شوي صندوقونه
family-none = تر اوسه هېڅوک نشته.
family-state-linked = تړل شوي
family-state-waiting-for-me = غواړي له تاسو سره وتړل شي
family-state-waiting-for-them = د ځواب په تمه
family-a-relais = یوه رابطه
family-proposed-by = وړاندیز: { $structure }
family-undo = تړاو لغوه کړئ
family-ask-title = د صندوق د تړلو غوښتنه
family-ask-hint = د بل کس د صندوق پېژندنه ولیکئ. هغه به غوښتنه په خپل صندوق کې وویني او پرېکړه به وکړي. هغه ماشوم چې خپل صندوق لري پخپله یې مني.
family-ask-action = غوښتنه ولېږئ
family-ask-sent = که د دې پېژندنې صندوق وي، خاوند به یې ستاسو غوښتنه وویني. تړاو یوازې د هغې له منلو وروسته شته.
family-dependants-title = زما تر سرپرستۍ لاندې کسان بې صندوقه
family-dependants-hint = یوازې تاسو یې وینئ، مګر دا چې یو یې رابطې ته وښیئ.
family-show-to = { $relais } ته وښیئ
family-hide-from = نور { $relais } ته مه ښیئ
family-delete = ړنګول
family-dependant-add = یو کس زیات کړئ
family-pro-title = کورنۍ
family-pro-intro = تړل شوي صندوقونه چې خاوند یې هم ستاسو جوړښت رابطه لري، او تر سرپرستۍ لاندې کسان چې تاسو ته یې ښيي. تړاو هېڅکله زیات نه ښيي.
family-pro-members = غړي
family-pro-dependants = تر سرپرستۍ لاندې کسان
family-pro-of = ثبت کوونکی: { $name }
family-propose-title = د تړاو وړاندیز
family-propose-hint = هر کس باید دا په خپل صندوق کې ومني.
family-propose-action = وړاندیز
family-pro-back = د کس دوسیې ته بېرته
field-relation = خپلوي
field-member = کس
relation-partner = ملګری
relation-child = ماشوم
relation-parent = مور یا پلار
relation-sibling = ورور یا خور
relation-other = نور
error-input-invalid-relation = سم نه دی: له لېست څخه یو وټاکئ.
error-household-exists = دا دوه صندوقونه لا دمخه تړل شوي یا په تمه دي. د کورنۍ پاڼه وګورئ.
journal-household-link-asked-success = { $who } د یوې کورنۍ د دوو صندوقونو د تړلو غوښتنه وکړه.
journal-household-link-proposed-success = { $who } د یوې کورنۍ د دوو صندوقونو د تړلو وړاندیز وکړ.
journal-household-link-accepted-success = { $who } یو کورنی تړاو ومانه.
journal-household-link-removed-success = { $who } یو کورنی تړاو لرې کړ.
journal-household-viewed-success = { $who } د کورنۍ دوسیه وکتله.
journal-dependant-added-success = { $who } ستاسو تر سرپرستۍ لاندې یو کس زیات کړ.
journal-dependant-deleted-success = { $who } ستاسو تر سرپرستۍ لاندې یو کس ړنګ کړ.
journal-dependant-shown-success = { $who } ستاسو تر سرپرستۍ لاندې یو کس { $relais } ته وښود.
journal-dependant-hidden-success = { $who } نور ستاسو تر سرپرستۍ لاندې کس { $relais } ته نه ښيي.
