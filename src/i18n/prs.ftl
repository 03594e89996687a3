# Consigne — فهرست دری (فارسی افغانستان). هر id باید با fr.ftl یکی باشد (یک تست این را بررسی می‌کند).
# "relais" = "نهاد حمایتی" (جمع: نهادهای حمایتی). نوشتن از راست به چپ.
# مثال نام کاربری: نام.تخلص.31121990 (هشت رقم آخر = تاریخ تولد، روز ماه سال).

skip-to-content = رفتن به محتوا
language-label = زبان
action-change-language = تأیید
action-logout = خروج
demo-banner = نسخه آزمایشی: کارمندان و مدیران بدون مرحله دوم امنیتی داخل می‌شوند. اسناد واقعی را اینجا نگذارید.
footer-text = Consigne — اسناد شما، در امان. شما تصمیم می‌گیرید چه کسی چه چیزی را ببیند.

error-title = مشکلی پیش آمد
not-found-title = صفحه پیدا نشد
not-found-text = این صفحه وجود ندارد یا شما اجازه دیدن آن را ندارید.
action-back-home = برگشت به صفحه اصلی

error-invalid-credentials = نام کاربری یا رمز درست نیست. بررسی کنید و دوباره کوشش کنید. رمز را فراموش کرده‌اید؟ از کود بازیابی استفاده کنید یا از نهاد حمایتی تان کمک بخواهید.
error-throttled = تعداد کوشش‌ها بسیار زیاد است. { $minutes } دقیقه صبر کنید و بعد دوباره کوشش کنید.
error-wrong-code = کود درست نیست. 6 رقمی را که همین حالا در برنامه تان دیده می‌شود بنویسید.
error-not-found = پیدا نشد.
error-forbidden = حساب شما اجازه این کار را ندارد.
error-access-pending = یک همکار از نهاد شما باید یک بار داخل شود تا به دوسیه‌های نهاد به شما دسترسی بدهد.
error-consent = خانه را تیک کنید تا موافقه شخص را تأیید کنید.
error-email-taken = این ایمیل از قبل حساب دارد.
error-storage-full = جای ذخیره پر است. بعداً دوباره کوشش کنید یا به نهاد حمایتی تان خبر بدهید.
error-session-expired = شما از حساب خارج شدید. دوباره داخل شوید.
error-internal = از طرف ما مشکلی پیش آمد. چند لحظه بعد دوباره کوشش کنید.
error-form-expired = وقت این فورم تمام شده است. دوباره کوشش کنید.
error-password-too-short = رمز بسیار کوتاه است: دست کم 8 حرف.
error-password-too-long = رمز بسیار طولانی است.
error-password-too-weak = رمز به آسانی حدس زده می‌شود. یک جمله چند کلمه‌ای محکم است و به آسانی به یاد می‌ماند.
error-password-common = این رمز بسیار معمول است. جمله‌ای را انتخاب کنید که فقط خود تان می‌دانید.
error-password-personal = رمز نباید نام یا تاریخ تولد شما را داشته باشد.
# این پیام‌ها بعد از نام خانه می‌آیند: «تاریخ تولد ضروری است.»
error-input-required = ضروری است.
error-input-invalid-name = درست نیست.
error-input-invalid-date = درست نیست؛ به شکل روز/ماه/سال بنویسید.
error-input-invalid-email = درست نیست؛ یک ایمیل درست بنویسید.
error-input-too-long = بسیار طولانی است.
error-input-invalid-phone = درست نیست. آن را مثلاً این‌طور بنویسید: 06 12 34 56 78 یا ‎+44 20 7946 0958 یا 115.
error-input-unsupported-language = در دسترس نیست.
error-input-invalid-kind = درست نیست.
error-input-invalid-role = درست نیست.
error-input-invalid-identifier = درست نیست؛ با حروف لاتین بنویسید، مثلاً: amina.benali.14021990
error-input-invalid-amount = باید یک عدد کامل به یورو باشد.

field-first-name = نام
field-last-name = تخلص
field-birth-date = تاریخ تولد
field-phone = تلیفون
field-language = زبان
field-email = ایمیل
field-display-name = نام
field-name = نام
field-city = شهر
field-kind = نوع
field-role = نقش
field-identifier = نام کاربری
field-password = رمز
field-annual-budget-eur = بودجه سالانه (یورو)
field-budget = بودجه سالانه (یورو)
field-structure-name = نام نهاد
field-structure-kind = نوع نهاد
optional = (اختیاری)
password-rules = دست کم 8 حرف. یک جمله چند کلمه‌ای از همه بهتر است. بدون نام و بدون تاریخ تولد.

login-title = ورود
login-identifier = نام کاربری
login-identifier-hint = مثال: amina.benali.14021990 (نام.تخلص و تاریخ تولد شما: روز ماه سال، با حروف لاتین). کارمندان: ایمیل تان
login-password = رمز
action-login = ورود
login-forgot = رمز را فراموش کرده‌اید؟
login-no-account = هنوز صندوق امانت ندارید؟ یک نهاد همکار (مرکز روزانه، CCAS، انجمن) می‌تواند همراه با شما یکی باز کند.

totp-title = کود امنیتی
totp-code = کود 6 رقمی از برنامه تأیید هویت تان
action-continue = ادامه
enroll-title = فعال کردن مرحله دوم امنیتی
enroll-text = این کود را با یک برنامه تأیید هویت (مثلاً FreeOTP یا Aegis) اسکن کنید، بعد 6 رقمی را که نشان می‌دهد بنویسید.
enroll-manual = نمی‌توانید اسکن کنید؟ این کلید را در برنامه بنویسید:
action-confirm = تأیید
action-retry = دوباره کوشش کنید

recover-title = رمز گم شده
recover-text = با کود بازیابی که روی ورقه تان چاپ شده است، یک رمز نو انتخاب کنید.
recover-source = کدام کود را دارید؟
recover-source-sheet = کود ورقه بازیابی من
recover-source-relay = کودی که نهاد حمایتی من همین حالا به من داد
recover-code = کود بازیابی
recover-code-hint = کودی که روی ورقه تان است، مثلاً ABCD-EFGH-…
recover-new-password = رمز نو
action-recover = انتخاب این رمز
recover-no-code = کود ندارید؟ نزد نهاد حمایتی تان بروید: یک کارکن اجتماعی همان‌جا به شما کمک می‌کند.
recover-done-title = رمز نو ذخیره شد
action-print = چاپ

logout-title = شما خارج شدید
logout-text = هیچ چیزی از صندوق امانت شما روی این دستگاه نمی‌ماند. می‌توانید این صفحه را ببندید.

home-title = صندوق امانت من
home-hello = سلام { $name }
home-sections = بخش‌های من
# [1] فقط برای یک؛ در قاعده جمع فارسی، دسته one شامل 0 هم می‌شود.
home-invitations = { $count ->
    [1] یک نهاد می‌خواهد از شما حمایت کند.
    [one] { $count } نهاد می‌خواهد از شما حمایت کند.
   *[other] { $count } نهاد می‌خواهند از شما حمایت کنند.
}
notice-failed-logins = { $count ->
    [1] از آخرین باری که داخل شدید، کسی یک بار کوشش کرد داخل صندوق امانت شما شود، اما نتوانست.
    [one] از آخرین باری که داخل شدید، کسی { $count } بار کوشش کرد داخل صندوق امانت شما شود، اما نتوانست.
   *[other] از آخرین باری که داخل شدید، کسی { $count } بار کوشش کرد داخل صندوق امانت شما شود، اما نتوانست.
} اگر شما نبودید، رمز تان را در «حساب من» تغییر بدهید.
notice-recovered = رمز شما در تاریخ { $date } با کود بازیابی تغییر کرد. اگر شما نبودید، زود نزد نهاد حمایتی تان بروید.
notice-password-changed = رمز شما در تاریخ { $date } تغییر کرد. اگر شما نبودید، زود نزد نهاد حمایتی تان بروید.
action-see = دیدن
section-relais = نهادهای حمایتی من
section-settings = حساب من

relais-intro = نهادهای حمایتی شما نهادهایی هستند که از شما حمایت می‌کنند. برای هر کدام، می‌بینید که آن نهاد چه چیزی را می‌تواند ببیند.
relais-none = فعلاً هیچ نهاد حمایتی ندارید.
relais-since = از { $date }
relais-recovery = این نهاد حمایتی می‌تواند به طور حضوری کمک کند تا دوباره به حساب تان دسترسی پیدا کنید.
relais-sees = چیزهایی که این نهاد حمایتی می‌بیند:
relais-sees-identity = نام، تاریخ تولد، تلیفون و زبان شما.
action-leave = ترک این نهاد حمایتی
reset-title = تنظیم دوباره رمز به طور حضوری
action-start-reset = شروع تنظیم دوباره
reset-give = این کود را به شخص بدهید (یادداشت یا چاپ کنید). شما هیچ وقت رمز او را نه می‌بینید و نه انتخاب می‌کنید.
reset-step-1 = در صفحه ورود، شخص «رمز را فراموش کرده‌اید؟» را انتخاب می‌کند.
reset-step-2 = نام کاربری خود را می‌نویسد، «کودی که نهاد حمایتی من همین حالا به من داد» را انتخاب می‌کند و این کود را می‌نویسد.
reset-valid-until = فقط یک بار قابل استفاده است، تا { $date }
reset-not-recovery-relay = نهاد شما جزو نهادهای حمایتی نیست که این شخص برای کمک به بازیابی دسترسی انتخاب کرده است. او می‌تواند نهاد شما را در «نهادهای حمایتی من» انتخاب کند.
action-recovery-on = اجازه دادن به این نهاد حمایتی برای کمک به بازیابی صندوق امانت من
action-recovery-off = لغو اجازه این نهاد حمایتی برای کمک به بازیابی صندوق امانت من
invitations-title = دعوت‌ها
invitation-text = { $structure } می‌خواهد از شما حمایت کند.
action-accept = قبول
action-decline = رد
leave-question = { $structure } را ترک می‌کنید؟
leave-text = این نهاد دیگر هیچ چیزی از صندوق امانت شما را نمی‌بیند. بعداً می‌تواند دوباره شما را دعوت کند.
action-leave-confirm = بلی، ترک می‌کنم
action-cancel = لغو

settings-language = زبان
settings-password = رمز
settings-current-password = رمز فعلی
settings-new-password = رمز نو
settings-password-changed = رمز تغییر کرد. جلسه‌های دیگر شما بسته شدند.
action-save = ذخیره

pro-title = نهاد من
pro-no-structure = هنوز عضو هیچ نهادی نیستید.
pro-mediation = نهاد میانجی: می‌توانید صندوق امانت باز کنید، اما محتوای هیچ کس را نمی‌بینید.
pro-followed = { $count ->
    [one] { $count } نفر تحت حمایت
   *[other] { $count } نفر تحت حمایت
}
pro-followed-none = فعلاً هیچ کس.
pro-invite-label = دعوت از کسی که از قبل صندوق امانت دارد (نام کاربری)
action-invite = دعوت
action-open-safe = باز کردن صندوق امانت
team-title = تیم
invite-sent-title = دعوت فرستاده شد
invite-sent-text = اگر این نام کاربری وجود داشته باشد، آن شخص دعوت را دفعه بعد که داخل می‌شود می‌بیند.

open-title = باز کردن صندوق امانت
open-intro = همراه با خود شخص و با موافقه او. او با نام کاربری و رمز خود داخل خواهد شد.
open-password-legend = رمز
open-password-typed = شخص رمز خود را خودش می‌نویسد
open-password-generate = ساختن یک رمز 5 کلمه‌ای
open-password-field = رمزی که شخص نوشته است
open-consent = شخص موافق است که صندوق امانت داشته باشد و به او گفته شده که چه کسی چه چیزی را می‌بیند.

sheet-title = ورقه بازیابی
sheet-identifier = نام کاربری
sheet-recovery-code = کود بازیابی
sheet-lost-title = اگر رمز تان را گم کردید
sheet-lost-1 = به { $address } بروید (یا کد را اسکن کنید) و «{ $forgot }» را انتخاب کنید.
sheet-lost-2 = نام کاربری و این کود بازیابی را بنویسید، بعد یک رمز نو انتخاب کنید.
sheet-lost-3 = ورقه را ندارید؟ نزد نهاد حمایتی تان بروید: یک کارکن اجتماعی همان‌جا به شما کمک می‌کند.
sheet-keep = این ورقه را در یک جای امن، دور از تلیفون تان نگه دارید. هیچ کس در Consigne نمی‌تواند صندوق امانت شما را بخواند.
sheet-passphrase-title = رمز
sheet-passphrase-text = این رمز را به شخص نشان بدهید تا آن را یاد بگیرد یا یادداشت کند. این رمز چاپ نمی‌شود.
sheet-print-hint = برای چاپ، از مینوی چاپ براوزر استفاده کنید.
action-done = تمام

team-empty = فعلاً هیچ کارمندی نیست.
team-pending = دسترسی در انتظار
team-add = اضافه کردن یک کارمند
team-initial-password = رمز اولیه
team-added = { $name } اضافه شد.
role-member = عضو
role-admin = مدیر نهاد
action-add = اضافه کردن

admin-title = نهادها
admin-structures = نهادهای همکار
admin-no-structure = فعلاً هیچ نهادی نیست.
admin-create = ثبت یک نهاد
structure-kind-relay = نهاد حمایتی (از اشخاص حمایت می‌کند)
structure-kind-mediation = میانجی (صندوق امانت باز می‌کند، هیچ محتوایی را نمی‌بیند)
action-create = ثبت

# Documents and journal
section-documents = اسناد من
section-journal = ثبت رویدادها
doc-folders = پوشه‌ها
doc-none = فعلاً اینجا هیچ سندی نیست. از یک سند عکس بگیرید یا در پایین یک فایل اضافه کنید.
doc-none-shared = این شخص هیچ سندی را با نهاد شما شریک نساخته است.
doc-shared-with-you = اسنادی که با نهاد شما شریک ساخته شده‌اند
doc-type-pdf = PDF
doc-type-photo = عکس
doc-expires = اعتبار تا { $date }
doc-add-title = اضافه کردن یک فایل
doc-file = فایل
doc-file-hint = یک عکس (JPEG، PNG، WebP) یا یک PDF، حد اکثر { $max } میگابایت.
doc-name = نام سند
doc-add-submit = اضافه کردن به صندوق امانت من
doc-new-folder = پوشه نو
doc-folder-name = نام پوشه
doc-folder = پوشه
doc-expiry = تاریخ ختم اعتبار
doc-edit = نام، پوشه، تاریخ ختم اعتبار
doc-download = دانلود
doc-shared-computer-warning = در یک کمپیوتر مشترک، فایل دانلود شده در پوشه دانلودها (Downloads) باقی می‌ماند: بعد از استفاده آن را حذف کنید.
doc-who-sees = چه کسی این سند را می‌بیند
doc-private-no-relais = فقط خود تان: شما هیچ نهاد حمایتی ندارید.
doc-share-legend = شریک ساختن با نهادهای حمایتی من
doc-added-by = اضافه شده در تاریخ { $date } ({ $who }).
doc-delete = حذف این سند
doc-delete-question = «{ $name }» حذف شود؟
doc-delete-text = این سند برای همیشه پاک می‌شود، هم برای شما و هم برای نهادهای حمایتی تان.
doc-delete-confirm = بلی، حذف شود
doc-no-preview = برای این سند پیش‌نمایش وجود ندارد. برای خواندن، آن را دانلود کنید.
doc-pages = صفحه‌های سند
doc-page-alt = صفحه { $n } از { $total }
doc-pages-partial = صفحه‌های اول نشان داده شده: { $shown } از { $total }. برای دیدن بقیه، سند را دانلود کنید.
pro-doc-back = بازگشت به دوسیهٔ شخص
relais-sees-documents = { $count ->
    [one] { $count } سند که با آن شریک ساخته‌اید.
   *[other] { $count } سند که با آن شریک ساخته‌اید.
}
error-unsupported-type = این نوع فایل قبول نمی‌شود. یک عکس (JPEG، PNG، WebP) یا یک PDF بفرستید.
error-file-too-large = فایل بسیار بزرگ است (حد اکثر { $max } میگابایت). دوباره عکس بگیرید یا از نهاد حمایتی تان کمک بخواهید.
error-pdf-not-checkable = این PDF برای پاک کردن در اینجا بسیار بزرگ است (بیشتر از { $max } میگابایت) و در آن اسکریپت، فایل‌های ضمیمه یا بخش‌هایی است که ما نمی‌توانیم بررسی کنیم. آن را دوباره به شکل PDF ذخیره کنید (چاپ، بعد ذخیره به شکل PDF) یا آن را در چند فایل کوچک‌تر بفرستید.
error-photo-too-large = این عکس بسیار بزرگ است (بیشتر از { $max } میگابایت). آن را با کیفیت (رزولوشن) پایین‌تر دوباره بگیرید، یا به شکل PDF بفرستید.
error-too-many-files = تعداد عکس‌ها در یک بار بسیار زیاد است (حد اکثر 20).
error-quota = صندوق امانت شما پر است. اسنادی را که دیگر لازم ندارید حذف کنید.
error-input-damaged-file = خراب یا ناقص است. با یک نسخه دیگر دوباره کوشش کنید.
error-input-malformed-upload = به طور کامل دریافت نشد. دوباره کوشش کنید.
field-file = فایل
journal-intro = هر چیزی که در صندوق امانت شما پیش آمده است: چه کسی چه چیزی را باز کرد یا تغییر داد، و چه وقت.
journal-you = شما
journal-someone = کسی
journal-deleted-document = یک سند حذف شده
journal-login-success = ورود ({ $who }).
journal-login-failure = کسی کوشش کرد داخل صندوق امانت شما شود، اما نتوانست.
journal-safe-opened-success = صندوق امانت شما باز شد ({ $who }).
journal-profile-viewed-success = معلومات شما دیده شد ({ $who }).
journal-invitation-sent-success = برای حمایت از شما دعوت فرستاده شد ({ $who }).
journal-invitation-accepted-success = دعوت قبول شد ({ $who }).
journal-invitation-declined-success = دعوت رد شد ({ $who }).
journal-relay-left-success = یک نهاد حمایتی ترک شد ({ $who }).
journal-password-changed-success = رمز تغییر کرد ({ $who }).
journal-recovered-with-code-success = رمز با کود بازیابی تغییر کرد.
journal-recovered-in-person-success = رمز نزد نهاد حمایتی تان تغییر کرد.
journal-reset-started-success = تنظیم دوباره رمز شما درخواست شد ({ $who }).
journal-recovery-relay-added-success = یک نهاد حمایتی حالا می‌تواند برای بازیابی دسترسی کمک کند ({ $who }).
journal-recovery-relay-removed-success = یک نهاد حمایتی دیگر نمی‌تواند برای بازیابی دسترسی کمک کند ({ $who }).
journal-document-uploaded-success = «{ $what }» اضافه شد ({ $who }).
journal-document-viewed-success = «{ $what }» دیده شد ({ $who }).
journal-document-downloaded-success = «{ $what }» دانلود شد ({ $who }).
journal-document-renamed-success = نام «{ $what }» تغییر کرد ({ $who }).
journal-document-moved-success = «{ $what }» به جای دیگر برده شد ({ $who }).
journal-document-expiry-set-success = تاریخ ختم اعتبار «{ $what }» تغییر کرد ({ $who }).
journal-document-deleted-success = یک سند حذف شد ({ $who }).
journal-document-shared-success = «{ $what }» با یک نهاد حمایتی شریک ساخته شد ({ $who }).
journal-document-unshared-success = شریک ساختن «{ $what }» متوقف شد ({ $who }).
journal-viewed-times = «{ $what }» { $count } بار دیده شد ({ $who }).
journal-shared-with = «{ $what }» با { $relais } شریک ساخته شد ({ $who }).
journal-unshared-with = شریک ساختن «{ $what }» با { $relais } متوقف شد ({ $who }).
journal-folder-created-success = یک پوشه ساخته شد ({ $who }).
journal-folder-deleted-success = یک پوشه حذف شد ({ $who }).
journal-document-exported-success = «{ $what }» در یک کاپی کامل صندوق امانت گذاشته شد ({ $who }).
export-title = همه چیز را با خود ببرید
export-text = یک فایل (ZIP) با همه اسناد شما، یک فایل data.json با باقی همه چیز، و یک فهرست اثرهای دیجیتال (hash) برای بررسی اینکه هیچ چیزی تغییر نکرده است.
export-download = دانلود صندوق امانت من
delete-account-title = حذف صندوق امانت من
delete-account-text = همه چیز برای همیشه پاک می‌شود: اسناد تان، ارتباط تان با نهادهای حمایتی و حساب تان. اگر می‌خواهید یک کاپی نگه دارید، اول صندوق امانت تان را دانلود کنید.
delete-account-password = رمز تان، برای تأیید
delete-account-confirm = همه چیز حذف شود
delete-account-done-title = صندوق امانت شما حذف شد
delete-account-done-text = هیچ چیزی از آن باقی نمانده است. یک نهاد همکار هر وقت بخواهید می‌تواند همراه با شما یک صندوق امانت نو باز کند.
doc-page-up = صفحه را بالا ببرید
doc-page-down = صفحه را پایین ببرید
doc-folder-edit = تغییر نام یا انتقال این پوشه
doc-folder-delete-hint = آنچه در آن است به « اسناد من » برمی‌گردد: هیچ سندی از بین نمی‌رود.
doc-folder-delete = حذف این پوشه
error-folder-cycle = یک پوشه را نمی‌شود در یکی از زیرپوشه‌های خودش گذاشت.

## Contacts, notes and appointments
section-contacts = مخاطبین من
section-notes = یادداشت‌های من
section-events = قرارهای ملاقات من
contact-add = افزودن مخاطب
note-add = افزودن یادداشت
event-add = افزودن قرار ملاقات
contact-none = هنوز مخاطبی نیست.
note-none = هنوز یادداشتی نیست.
event-none = هنوز قرار ملاقاتی نیست.
contact-none-shared = این شخص هیچ مخاطبی را با نهاد شما شریک نساخته است.
note-none-shared = این شخص هیچ یادداشتی را با نهاد شما شریک نساخته است.
event-none-shared = این شخص هیچ قرار ملاقاتی را با نهاد شما شریک نساخته است.
contact-shared-with-you = مخاطبینی که با نهاد شما شریک شده‌اند
note-shared-with-you = یادداشت‌هایی که با نهاد شما شریک شده‌اند
event-shared-with-you = قرارهای ملاقاتی که با نهاد شما شریک شده‌اند
note-list-hint = متن یادداشت اینجا پنهان است: برای خواندن، یادداشت را باز کنید.
event-upcoming = آینده
event-past = گذشته
event-reminder-1440 = پیامک ۱ روز پیش
event-reminder-120 = پیامک ۲ ساعت پیش
event-reminder-minutes = پیامک { $minutes } دقیقه پیش
item-edit = تغییر
item-delete = حذف
item-delete-question = «{ $name }» حذف شود؟
item-delete-text = برای همیشه پاک می‌شود، برای شما و برای نهادهای حمایتی شما.
item-delete-confirm = بله، حذف شود
item-who-sees = چه کسی این را می‌بیند
item-added-by = افزوده شده توسط { $who } در { $date }.
item-back-to-file = بازگشت به پرونده شخص
field-title = عنوان
field-body = متن
field-address = آدرس
field-comment = توضیح
field-date = تاریخ
field-time = ساعت
field-starts-at = تاریخ و ساعت
field-location = محل
field-reminders = یادآوری‌ها
error-input-invalid = درست نیست.
error-input-invalid-datetime = تاریخ و ساعت درست نیست.
error-input-invalid-reminder = یادآوری درست نیست.
error-input-too-many-reminders = بیش از حد است: حداکثر ۵ یادآوری.
relais-sees-contacts = مخاطبینی که با آن شریک می‌سازید: { $count }
relais-sees-notes = یادداشت‌هایی که با آن شریک می‌سازید: { $count }
relais-sees-events = قرارهای ملاقاتی که با آن شریک می‌سازید: { $count }
journal-deleted-item = چیزی که بعداً حذف شد
journal-contact-created-success = مخاطب «{ $what }» اضافه شد ({ $who }).
journal-contact-viewed-success = مخاطب «{ $what }» باز شد ({ $who }).
journal-contact-updated-success = مخاطب «{ $what }» تغییر کرد ({ $who }).
journal-contact-deleted-success = یک مخاطب حذف شد ({ $who }).
journal-contact-shared-success = مخاطب «{ $what }» با یک نهاد حمایتی شریک ساخته شد ({ $who }).
journal-contact-unshared-success = مخاطب «{ $what }» دیگر شریک نیست ({ $who }).
journal-note-created-success = یادداشت «{ $what }» اضافه شد ({ $who }).
journal-note-viewed-success = یادداشت «{ $what }» باز شد ({ $who }).
journal-note-updated-success = یادداشت «{ $what }» تغییر کرد ({ $who }).
journal-note-deleted-success = یک یادداشت حذف شد ({ $who }).
journal-note-shared-success = یادداشت «{ $what }» با یک نهاد حمایتی شریک ساخته شد ({ $who }).
journal-note-unshared-success = یادداشت «{ $what }» دیگر شریک نیست ({ $who }).
journal-event-created-success = قرار ملاقات «{ $what }» اضافه شد ({ $who }).
journal-event-viewed-success = قرار ملاقات «{ $what }» باز شد ({ $who }).
journal-event-updated-success = قرار ملاقات «{ $what }» تغییر کرد ({ $who }).
journal-event-deleted-success = یک قرار ملاقات حذف شد ({ $who }).
journal-event-shared-success = قرار ملاقات «{ $what }» با یک نهاد حمایتی شریک ساخته شد ({ $who }).
journal-event-unshared-success = قرار ملاقات «{ $what }» دیگر شریک نیست ({ $who }).
sms-event-reminder = Consigne: شما در تاریخ { $date } ساعت { $time } یک ملاقات دارید. جزئیات در صندوق شما است.
sms-expiry-reminder = Consigne: یکی از اسناد شما تا { $days } روز دیگر منقضی می‌شود. صندوق خود را باز کنید تا به موقع آن را تمدید کنید.
reminder-status-scheduled = برنامه‌ریزی شده
reminder-status-sent = فرستاده شد
reminder-status-delivered = رسید
reminder-status-failed = نرسید
home-expiring-title = اسنادی که به زودی باید تمدید شوند
home-expiring-item = { $name }: در { $date } منقضی می‌شود
home-expired-item = { $name }: در { $date } منقضی شد
home-expiring-more = … و { $count } سند دیگر: اسناد من را ببینید
agenda-download = دانلود تقویم من (فایل ‎.ics)
contacts-download = دانلود مخاطبین من (فایل ‎.vcf)
feed-title = ملاقات‌های من در تلفونم
feed-open = نمایش ملاقات‌هایم در تقویم تلفونم
feed-intro = تقویم تلفون شما می‌تواند ملاقات‌های تان را نشان دهد و به‌روز نگه دارد. از یک لینک خصوصی استفاده می‌کند: آن را نزد خود نگه دارید.
feed-none = هنوز لینک خصوصی ندارید.
feed-create = ساختن لینک خصوصی من
feed-created = لینک خصوصی شما آماده است.
feed-subscribe = افزودن به تقویم تلفونم
feed-link-label = لینک خصوصی من
feed-qr-hint = یا این کود را با تلفون تان اسکن کنید.
feed-warning = هر کسی که این لینک را داشته باشد ملاقات‌های شما را می‌بیند (نه اسناد تان را). اگر اشتباهی داده‌اید، آن را متوقف کنید.
feed-hidden = این لینک دیگر اینجا نشان داده نمی‌شود. در صورت نیاز یک لینک جدید بسازید.
feed-last-read = آخرین خواندن توسط یک تقویم: { $when }
feed-never-read = هنوز هیچ تقویمی آن را نخوانده است.
feed-renew = ساختن لینک جدید (لینک قبلی متوقف می‌شود)
feed-revoke = متوقف کردن این لینک
feed-revoked = لینک متوقف شد. دیگر هیچ تقویمی با آن ملاقات‌های شما را نمی‌خواند.
journal-calendar-feed-created-success = { $who } یک لینک خصوصی تقویم ساخت.
journal-calendar-feed-revoked-success = { $who } لینک خصوصی تقویم را متوقف کرد.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = حساب کاری شما به عامل دوم نیاز دارد. ادامه دهید تا کلیدی را که باید در برنامهٔ تأیید هویت وارد کنید دریافت کنید.
# issue 11: members
error-access-pending-approval = اول باید یک مدیر مؤسسهٔ شما که کلید آن را دارد، دسترسی شما را تأیید کند.
error-account-deactivated = مؤسسهٔ شما این حساب را غیرفعال کرده است. اگر اشتباه است، از مدیر آن بپرسید.
error-last-key-holder = این آخرین عضوی است که کلید مؤسسه را دارد: اول یک عضو دیگر را تأیید کنید، ورنه هیچ کس نمی‌تواند آنچه مردم با مؤسسه شریک می‌سازند را باز کند.
error-member-not-pending = این عضو دیگر منتظر تأیید نیست.
error-key-not-held = شما هنوز کلید مؤسسه را ندارید.
team-pending-title = منتظر تأیید
team-approve-hint = تنها همکاری را تأیید کنید که می‌شناسید، پس از بررسی حضوری با او: تأیید، کلید همه چیزهایی را که مردم با مؤسسه شریک می‌سازند به او می‌دهد.
team-pending-hint = پیش از آنکه این اعضا چیزی ببینند، یک مدیر مؤسسه که کلید آن را دارد باید آنها را تأیید کند.
team-requested = درخواست از { $name } در { $date }
team-requested-unknown = کسی
team-approve = تأیید
team-refuse = رد
team-no-key = بدون کلید
team-deactivate = غیرفعال کردن
team-deactivate-hint = غیرفعال کردن یک عضو، جلسه‌های او را فوراً پایان می‌دهد، دسترسی‌اش را برمی‌دارد و کلید مؤسسه را نو می‌کند. نام او در ثبت‌ها باقی می‌ماند.
team-former-title = اعضای پیشین
team-deactivated-on = غیرفعال شده در { $date }
team-add-pending-hint = شما کلید مؤسسه را ندارید: عضو جدید منتظر می‌ماند تا مدیری که کلید را دارد او را تأیید کند.
team-added-pending = { $name } اضافه شد و منتظر تأیید یک مدیر است.
team-approved = عضو تأیید شد: اکنون به پرونده‌های مؤسسه دسترسی دارد.
team-deactivated = عضو غیرفعال شد: جلسه‌هایش پایان یافت و کلید مؤسسه در حال نو شدن است.
journal-member-added-success = { $who } یک عضو به مؤسسه اضافه کرد.
journal-member-requested-success = { $who } اضافه شدن یک عضو به مؤسسه را درخواست کرد.
journal-member-approved-success = { $who } یک عضو مؤسسه را تأیید کرد.
journal-member-deactivated-success = { $who } یک عضو مؤسسه را غیرفعال کرد.
journal-structure-key-rotated-success = کلید مؤسسه نو شد.
# issue 11: reset
reset-intro-confirmed = شخص رمز و ورقه بازیابی خود را گم کرده است؟ وقتی او پیش شماست، تنظیم دوباره را درخواست کنید. یکی از همکاران نهاد شما باید آن را تأیید کند؛ بعد کود به شخص داده می‌شود و او خودش رمز تازه را انتخاب می‌کند.
reset-awaiting-text = تنظیم دوباره درخواست شد. یکی از همکاران نهاد شما باید آن را از صفحه اصلی خود تأیید کند: آنگاه کود به او نشان داده می‌شود تا به شخص بدهد.
reset-delayed-text = شما تنها عضو نهاد تان هستید که می‌توانید آن را تأیید کنید. برای حفاظت از شخص، کود فقط از { $date } به بعد ساخته می‌شود. در آن وقت همراه او برگردید: درخواست در صفحه اصلی شما خواهد بود.
reset-she-is-told = به شخص خبر داده شد (با پیامک اگر شماره‌اش معلوم باشد، و در صفحه خودش). او می‌تواند آن را لغو کند.
reset-step-3-new-sheet = او رمز تازه را انتخاب می‌کند، وارد می‌شود و یک ورقه بازیابی تازه چاپ می‌کند.
resets-pending-title = تنظیم‌های دوباره که منتظر تأیید اند
resets-pending-item = { $person }: درخواست { $who } در { $date }.
resets-confirmed = قبلاً تأیید شده است: کود یک بار داده شد.
resets-delayed-until = فقط شما می‌توانید آن را از { $date } به بعد تأیید کنید.
resets-needs-colleague = یک عضو دیگر نهاد باید آن را تأیید کند.
action-confirm-reset = تأیید و نشان دادن کود
action-cancel-reset = لغو این تنظیم دوباره
notice-reset-started = در { $date } نزد { $structure } تنظیم دوباره رمز شما درخواست شد.
notice-reset-delayed = پیش از { $date } قابل استفاده نیست.
notice-reset-not-you = اگر شما آن را درخواست نکرده‌اید، همین حالا لغوش کنید.
notice-new-sheet = کود بازیابی شما دیگر کار نمی‌کند. همین حالا یک ورقه بازیابی تازه چاپ کنید و آن را در جای امن نگه دارید.
action-new-sheet = ساختن ورقه بازیابی تازه من
new-sheet-title = یک ورقه بازیابی تازه
new-sheet-text = این کار یک کود بازیابی تازه می‌سازد؛ کود قبلی دیگر کار نمی‌کند. ورقه را چاپ کنید یا کود را یادداشت کنید، و آن را در جای امن نگه دارید، نه همراه تیلفون تان.
new-sheet-login-again = برای حفاظت از شما، خارج شوید و دوباره وارد شوید، بعد برگردید تا ورقه تان را بسازید.
phone-title = شماره تیلفون من
phone-text = فقط برای فرستادن یادآوری‌ها و پیام‌های امنیتی به کار می‌رود (مثلاً اگر کسی تنظیم دوباره رمز شما را درخواست کند). برای پاک کردن، آن را خالی بگذارید.
phone-hint = مثلاً 06 12 34 56 78
phone-pro-text = آن را فقط همراه شخص تغییر دهید. او این را در دفتر خود می‌بیند؛ به شماره قبلی‌اش پیامی فرستاده می‌شود.
open-recovery-legend = آیا نهاد شما می‌تواند به او کمک کند تا دوباره به صندوق امانت خود دسترسی پیدا کند؟
open-recovery-consequence = از او بپرسید. اگر بگوید بلی، این نهاد حمایتی می‌تواند در صورت گم شدن رمز و ورقه‌اش به او کمک کند دوباره وارد شود؛ در بدترین حالت، می‌تواند صندوق امانت او را باز کند. او هر وقت بخواهد می‌تواند در «نهادهای حمایتی من» نظرش را تغییر دهد.
open-recovery-yes = بلی، این نهاد حمایتی می‌تواند برای بازیابی دسترسی کمک کند
open-recovery-no = نخیر
open-recovery-required = مشخص کنید که آیا این نهاد حمایتی می‌تواند برای بازیابی دسترسی کمک کند.
relais-recovery-consequence = نهاد حمایتی که اجازه کمک دارد، می‌تواند اگر رمز و ورقه تان را گم کنید دسترسی را به شما برگرداند؛ در بدترین حالت، می‌تواند صندوق امانت شما را باز کند. هر بار به شما خبر داده می‌شود و می‌توانید آن را لغو کنید.
recover-done-new-sheet = رمز شما تغییر کرد. کود بازیابی قبلی شما دیگر کار نمی‌کند: همین حالا وارد شوید و یک ورقه بازیابی تازه چاپ کنید.
sms-reset-started = Consigne: کسی تنظیم دوباره دسترسی به صندوق امانت شما را درخواست کرد. اگر شما نبودید، وارد شوید و آن را لغو کنید.
sms-phone-changed = Consigne: شماره تیلفون صندوق امانت شما تغییر کرد. اگر شما نبودید، با نهاد حمایتی تان صحبت کنید.
journal-reset-confirmed-success = تنظیم دوباره رمز تأیید شد ({ $who }).
journal-reset-cancelled-success = تنظیم دوباره رمز لغو شد ({ $who }).
journal-recovery-code-renewed-success = یک ورقه بازیابی تازه چاپ شد، کود قبلی دیگر کار نمی‌کند ({ $who }).
journal-phone-changed-success = شماره تیلفون تغییر کرد ({ $who }).
journal-phone-removed-success = شماره تیلفون پاک شد ({ $who }).
# issue 11: media (image and PDF bombs)
error-image-too-large = این تصویر پیکسل‌های بسیار زیاد دارد و اینجا پردازش شده نمی‌تواند (بیشتر از { $max } مگاپیکسل، یا رنگ‌های بسیار زیاد در هر پیکسل). عکس را با دقت کمتر دوباره بگیرید، یا آن را به شکل PDF بفرستید.
error-pdf-too-complex = این PDF هنگام باز شدن به اندازه‌ای داده می‌سازد که اینجا پردازش شده نمی‌تواند. آن را دوباره به شکل PDF ذخیره کنید (چاپ، بعد ذخیره به شکل PDF) یا در چند فایل کوچکتر بفرستید.
# issue 11: requests
error-field-too-long = یکی از خانه‌های فرم بسیار طولانی است (مثلاً نام): آن را کوتاه کنید و دوباره بفرستید.
error-scan-too-large = این عکس‌ها با هم بسیار بزرگ هستند (بیش از { $max } مگابایت): صفحه‌های کمتری را در یک بار بفرستید، یا آن‌ها را با کیفیت پایین‌تر بگیرید.
# issue 12: paginated lists, the professional's search
pager-label = صفحه‌های فهرست
pager-previous = صفحهٔ قبلی
pager-next = صفحهٔ بعدی
pager-position = صفحهٔ { $page }
field-page = شمارهٔ صفحه
error-input-invalid-page = باید یک عدد درست از ۱ تا ۱۰۰۰۰۰ باشد.
pro-search-label = جستجوی یک شخص (تخلص، نام یا تاریخ تولد)
action-search = جستجو
pro-search-clear = پاک کردن جستجو
pro-search-none = هیچ کس با این جستجو مطابقت ندارد.
pro-search-found = { $count ->
    [one] { $count } شخص پیدا شد
   *[other] { $count } شخص پیدا شد
}

## Times (local, to the minute)
time-zone-name = به وقت { $city }
times-note = وقت‌ها به وقت { $city } است.

## The printed recovery sheet, a structure's phone
sheet-address = آدرس سایت
sheet-qr-label = این کد را با تیلفون خود اسکن کنید: صفحهٔ ورود را باز می‌کند.
sheet-relay = نهاد حمایتی شما که می‌تواند حضوری کمک کند
sheet-made = این ورقه در { $date } ساخته شد.
field-structure-phone = تیلفون مؤسسه
structure-phone-hint = روی ورقهٔ بازیابی کسانی چاپ می‌شود که مؤسسهٔ شما را برای کمک به دسترسی دوباره به صندوق خود انتخاب کرده‌اند.
structure-phone-saved = شمارهٔ مؤسسه ذخیره شد.
journal-structure-phone-changed-success = { $who } شمارهٔ تیلفون مؤسسه را تغییر داد.

## Show password
password-show = نمایش رمز

## Ready-made folders of a new safe
folder-identity = هویت
folder-health = صحت
folder-housing = مسکن
folder-income = درآمد
folder-family = خانواده
folder-other = دیگر
error-input-short-number = نمی‌تواند پیامک بگیرد. یک شماره موبایل بدهید، مثلاً 06 12 34 56 78 یا ‎+44 7700 900123.
login-identifier-homonym = نقطه، فاصله یا خط تیره، هر طور که می‌خواهید (amina benali 14/02/1990). اگر ورقه شما بعد از تاریخ یک شماره نشان می‌دهد (مثلاً ‎-2)، آن را هم بنویسید.
sheet-homonym = نام کاربری شما با «‎{ $number }» تمام می‌شود: شخص دیگری همین نام و همین تاریخ تولد را دارد. همیشه «‎{ $number }» را در آخر بنویسید.
error-invalid-recovery = نام کاربری یا کود درست نیست. هر دو را بررسی کنید: نام کاربری و کود بازیابی روی ورقه شما است، یا کود را نهاد حمایتی تان داده است. اگر کود درست ندارید، نزد نهاد حمایتی تان بروید.
notice-recovered-in-person = رمز شما در تاریخ { $date } با کودی که نهاد حمایتی تان داد تغییر کرد (بازنشانی حضوری). اگر شما نبودید، زود نزد نهاد حمایتی تان بروید.
recover-done-in-person = رمز شما با کود نهاد حمایتی تان تغییر کرد. ورقه بازیابی قبلی شما هم دیگر کار نمی‌کند: همین حالا وارد شوید و یک ورقه بازیابی تازه چاپ کنید.
doc-add-submit-for-her = اضافه کردن به صندوق امانت این شخص
journal-document-expiry-removed-success = تاریخ ختم اعتبار «{ $what }» پاک شد ({ $who }).
doc-pro-corrections = اصلاح آنچه نهاد شما اضافه کرده است
doc-pro-corrections-hint = می‌توانید نام یا تاریخ ختم اعتبار را اصلاح کنید، یا سندی را که نهاد شما اضافه کرده پاک کنید، تا وقتی که آن شخص خودش آن را تغییر نداده یا از اشتراک بیرون نکرده باشد. او این را در «ثبت رویدادها»ی خود می‌بیند.
doc-pro-delete-text = این سند را برای همیشه از صندوق امانت این شخص پاک کنید.
reminder-status-no_phone = شماره تیلفون نیست: چیزی فرستاده نمی‌شود
reminder-add-phone = اضافه کردن شماره
phone-remove = پاک کردن این شماره
phone-current = شماره ثبت‌شده:
phone-none = شماره‌ای نیست: یادآوری‌های پیامکی فرستاده نمی‌شوند.
phone-add = اضافه کردن شماره‌ام
phone-change = تغییر یا پاک کردن شماره‌ام

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = ذخیره شد.
notice-added = به صندوق امانت اضافه شد.
notice-deleted = حذف شد.
notice-shared = ذخیره شد: نهادهای حمایتی که انتخاب کردید آن را می‌بینند.
notice-private = ذخیره شد: خصوصی است، فقط خود تان آن را می‌بینید.
notice-invitation-accepted = دعوت پذیرفته شد: این نهاد حمایتی حالا شما را همراهی می‌کند.
notice-invitation-declined = دعوت رد شد: این نهاد حمایتی چیزی از صندوق امانت شما نمی‌بیند.
notice-relay-left = شما این نهاد حمایتی را ترک کردید: دیگر چیزی از صندوق امانت شما نمی‌بیند.
notice-page-added = عکس اضافه شد.
notice-page-removed = صفحه برداشته شد.
notice-scan-cancelled = عکس‌ها پاک شدند.
mark-private = خصوصی
mark-shared = { $count ->
    [one] شریک شده با { $count } نهاد حمایتی
   *[other] شریک شده با { $count } نهاد حمایتی
}
mark-shared-structure = شریک شده با نهاد شما
scan-take = عکس گرفتن
scan-take-another = عکس گرفتن از صفحه دیگر
scan-hint = برای هر صفحه یک عکس. بعد صفحه‌ها را بررسی می‌کنید، نام می‌دهید و ذخیره می‌کنید.
scan-hint-again = پیش از ذخیره هنوز می‌توانید ترتیب صفحه‌ها را تغییر دهید.
scan-chosen = عکس آماده است: «ادامه» را فشار دهید.
scan-review-title = بررسی عکس‌ها
scan-review-text = { $count ->
    [one] { $count } صفحه.
   *[other] { $count } صفحه.
} بررسی کنید که هر صفحه خوب خوانده می‌شود و صفحه‌ها به ترتیب هستند.
scan-page = صفحه { $number }
scan-remove = برداشتن
scan-remove-page = برداشتن صفحه { $number }
scan-save-title = نام دادن و ذخیره کردن
scan-save = { $count ->
    [one] ذخیره سند ({ $count } صفحه)
   *[other] ذخیره سند ({ $count } صفحه)
}
scan-cancel = لغو و پاک کردن این عکس‌ها
scan-gone-title = این عکس‌ها دیگر اینجا نیستند
scan-gone-text = عکس‌ها تا یک ساعت نگه داشته می‌شوند، تا وقتی که وارد حساب هستید: ذخیره، لغو یا پاک شده‌اند. دوباره عکس بگیرید.

# Issue 14: a structure's statistics.
stats-title = آمار
stats-intro = هر رقم شمارش معلوماتی است که سرور به شکل آشکار می‌بیند (تاریخ‌ها، نوع‌ها، شمارنده‌ها): برای محاسبه هیچ محتوایی رمزگشایی نمی‌شود. روزها به منطقهٔ زمانی پلتفورم حساب می‌شوند.
stats-structure = نهاد
field-from = از
field-to = تا
stats-period = از { $from } تا { $to }
stats-no-rate = — (هیچ صندوقی باز نشده)
stats-download-csv = دانلود (CSV)
stats-download-ods = دانلود (جدول ODS)
error-input-invalid-period = یک دورهٔ درست نیست: آغاز باید پیش از پایان باشد، حداکثر ده سال.
stats-from = آغاز دوره
stats-from-def = نخستین روز شمرده‌شده.
stats-to = پایان دوره
stats-to-def = آخرین روز شمرده‌شده.
stats-people-followed = افراد تحت پیگیری
stats-people-followed-def = افرادی که در پایان دوره این نهاد را نهاد حمایتی خود دارند: آن را پیش از این تاریخ برگزیده‌اند و از آن زمان ترکش نکرده‌اند (Consigne از رفتن‌ها ردی نگه نمی‌دارد).
stats-safes-opened = صندوق‌های باز شده
stats-safes-opened-def = صندوق‌های امانتی که یک کارمند این نهاد در این دوره باز کرده است.
stats-safes-reconnected = افراد دوباره وصل‌شده
stats-safes-reconnected-def = از میان این صندوق‌ها، آن‌هایی که صاحبش دست‌کم یک بار خودش میان روز ۱ و روز ۱۸۳ پس از باز شدن وارد شده است. روز n، n × ۲۴ ساعت پس از باز شدن آغاز می‌شود: روز باز شدن شمرده نمی‌شود و ورود پس از روز ۱۸۳ هم.
stats-reconnection-rate = نرخ وصل دوباره
stats-reconnection-rate-def = شمار افراد دوباره وصل‌شده تقسیم بر صندوق‌های باز شده (اگر صندوقی باز نشده باشد خالی است). صندوقی که کمتر از ۱۸۴ روز پیش باز شده هم شمرده می‌شود.
stats-relais-accepted = نهادهای حمایتی تازه پذیرفته‌شده
stats-relais-accepted-def = افرادی که در این دوره پذیرفتند این نهاد نهاد حمایتی‌شان شود (دعوت پذیرفته‌شده). صندوق‌هایی که خود نهاد باز کرده اینجا شمرده نمی‌شوند.
stats-documents-added-by-professionals = اسنادی که کارمندان افزوده‌اند
stats-documents-added-by-professionals-def = اسنادی که یک کارمند این نهاد در این دوره به صندوق یک فرد افزوده است (اسناد پاک‌شده دیگر شمرده نمی‌شوند).
stats-documents-added-by-people = اسنادی که خود افراد افزوده‌اند
stats-documents-added-by-people-def = اسنادی که افراد خودشان در این دوره افزوده‌اند و با این نهاد شریک می‌کنند. آنچه برای خود نگه می‌دارند شمرده نمی‌شود.
stats-sms-sent = پیامک‌های فرستاده‌شده
stats-sms-sent-def = یادآوری‌های پیامکی که در این دوره به افرادی فرستاده شده که نهاد صندوقشان را باز کرده است.
stats-sms-segments = بخش‌های پیامک
stats-sms-segments-def = بخش‌هایی که اپراتور برای این پیامک‌ها شمرده است (متن دراز یا دارای نویسه‌های ویژه چند بخش شمرده می‌شود).

# Household (issue 14, item 3)
family-title = خانوادهٔ من
family-intro = اگر موافق باشند، صندوق خود را به صندوق‌های خانواده (همسر، فرزندان، والدین) وصل کنید و کسانی را که تحت سرپرستی شما هستند و صندوق ندارند یادداشت کنید. وصل هرگز به رابط‌های شما بیش از آنچه با آنها شریک می‌کنید نشان نمی‌دهد.
family-links-title = صندوق‌های وصل‌شده
family-none = هنوز کسی نیست.
family-state-linked = وصل‌شده
family-state-waiting-for-me = می‌خواهد با شما وصل شود
family-state-waiting-for-them = در انتظار پاسخ
family-a-relais = یک رابط
family-proposed-by = پیشنهاد { $structure }
family-undo = لغو وصل
family-ask-title = درخواست وصل یک صندوق
family-ask-hint = شناسهٔ صندوق شخص دیگر را بنویسید. او درخواست را در صندوق خود می‌بیند و تصمیم می‌گیرد. کودکی که صندوق خودش را دارد خودش قبول می‌کند.
family-ask-action = فرستادن درخواست
family-ask-sent = اگر صندوقی با این شناسه باشد، صاحب آن درخواست شما را می‌بیند. وصل فقط پس از قبول او برقرار است.
family-dependants-title = افراد تحت سرپرستی من بدون صندوق
family-dependants-hint = فقط شما آنها را می‌بینید، مگر یکی را به رابطی نشان دهید.
family-show-to = نشان دادن به { $relais }
family-hide-from = دیگر نشان ندادن به { $relais }
family-delete = حذف
family-dependant-add = افزودن یک نفر
family-pro-title = خانواده
family-pro-intro = صندوق‌های وصل‌شده که صاحب‌شان نیز نهاد شما را رابط دارد، و افراد تحت سرپرستی که به شما نشان می‌دهند. وصل هرگز بیشتر نشان نمی‌دهد.
family-pro-members = اعضا
family-pro-dependants = افراد تحت سرپرستی
family-pro-of = ثبت‌شده توسط { $name }
family-propose-title = پیشنهاد وصل
family-propose-hint = هر شخص باید آن را در صندوق خود قبول کند.
family-propose-action = پیشنهاد
family-pro-back = بازگشت به پروندهٔ شخص
field-relation = نسبت
field-member = شخص
relation-partner = همسر
relation-child = فرزند
relation-parent = پدر یا مادر
relation-sibling = برادر یا خواهر
relation-other = دیگر
error-input-invalid-relation = معتبر نیست: از فهرست انتخاب کنید.
error-household-exists = این دو صندوق از قبل وصل یا در انتظارند. صفحهٔ خانواده را ببینید.
journal-household-link-asked-success = { $who } درخواست وصل دو صندوق یک خانواده را داد.
journal-household-link-proposed-success = { $who } وصل دو صندوق یک خانواده را پیشنهاد کرد.
journal-household-link-accepted-success = { $who } یک وصل خانوادگی را قبول کرد.
journal-household-link-removed-success = { $who } یک وصل خانوادگی را برداشت.
journal-household-viewed-success = { $who } پروندهٔ خانواده را دید.
journal-dependant-added-success = { $who } یک فرد تحت سرپرستی شما را افزود.
journal-dependant-deleted-success = { $who } یک فرد تحت سرپرستی شما را حذف کرد.
journal-dependant-shown-success = { $who } یک فرد تحت سرپرستی شما را به { $relais } نشان داد.
journal-dependant-hidden-success = { $who } دیگر یک فرد تحت سرپرستی شما را به { $relais } نشان نمی‌دهد.
