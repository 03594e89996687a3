# Consigne — український каталог. Кожен id збігається з fr.ftl (це перевіряє тест).
# "relais" = "організація підтримки". Звертання на «ви».

skip-to-content = Перейти до вмісту
language-label = Мова
action-change-language = OK
action-logout = Вийти
demo-banner = Демоверсія: фахівці та адміністратори входять без другого фактора. Не зберігайте тут справжні документи.
footer-text = Consigne — ваші документи в безпеці. Ви вирішуєте, хто що бачить.

error-title = Щось пішло не так
not-found-title = Сторінку не знайдено
not-found-text = Цієї сторінки не існує, або ви не маєте до неї доступу.
action-back-home = На головну

error-invalid-credentials = Неправильний логін або пароль. Перевірте й спробуйте ще раз. Забули пароль? Використайте код відновлення або зверніться до своєї організації підтримки.
error-throttled = { $minutes ->
    [one] Забагато спроб. Зачекайте { $minutes } хвилину й спробуйте знову.
    [few] Забагато спроб. Зачекайте { $minutes } хвилини й спробуйте знову.
    [many] Забагато спроб. Зачекайте { $minutes } хвилин і спробуйте знову.
   *[other] Забагато спроб. Зачекайте { $minutes } хвилини й спробуйте знову.
}
error-wrong-code = Неправильний код. Введіть 6 цифр, які зараз показує ваш застосунок.
error-not-found = Не знайдено.
error-forbidden = Ваш обліковий запис не може цього зробити.
error-access-pending = Колега з вашої організації має один раз увійти, щоб надати вам доступ до її справ.
error-consent = Поставте позначку, щоб підтвердити згоду людини.
error-email-taken = Для цієї електронної адреси вже є обліковий запис.
error-storage-full = Сховище заповнене. Спробуйте пізніше або повідомте свою організацію підтримки.
error-session-expired = Ви вийшли із системи. Увійдіть знову.
error-internal = У нас щось пішло не так. Спробуйте ще раз за хвилину.
error-form-expired = Термін дії форми минув. Спробуйте ще раз.
error-password-too-short = Пароль занадто короткий: потрібно щонайменше 8 символів.
error-password-too-long = Пароль занадто довгий.
error-password-too-weak = Пароль занадто легко вгадати. Фраза з кількох слів надійна й легко запам’ятовується.
error-password-common = Пароль занадто поширений. Виберіть фразу, яку знаєте лише ви.
error-password-personal = Пароль не повинен містити ваше ім’я чи дату народження.
# Ці повідомлення йдуть після назви поля: «Ім’я — обов’язкове поле.»
error-input-required = — обов’язкове поле.
error-input-invalid-name = — неправильне значення.
error-input-invalid-date = — неправильна дата (день/місяць/рік).
error-input-invalid-email = — неправильна електронна адреса.
error-input-too-long = — занадто довгий текст.
error-input-invalid-phone = — неправильний номер. Наберіть його, наприклад, так: 06 12 34 56 78, +44 20 7946 0958 або 115.
error-input-unsupported-language = — ця мова недоступна.
error-input-invalid-kind = — неправильне значення.
error-input-invalid-role = — неправильне значення.
error-input-invalid-identifier = — неправильний логін, потрібно латинськими літерами, наприклад: amina.benali.14021990
error-input-invalid-amount = — потрібне ціле число євро.

field-first-name = Ім’я
field-last-name = Прізвище
field-birth-date = Дата народження
field-phone = Телефон
field-language = Мова
field-email = Електронна пошта
field-display-name = Ім’я
field-name = Назва
field-city = Місто
field-kind = Тип
field-role = Роль
field-identifier = Логін
field-password = Пароль
field-annual-budget-eur = Річний бюджет (євро)
field-budget = Річний бюджет (євро)
field-structure-name = Назва організації
field-structure-kind = Тип організації
optional = (необов’язково)
password-rules = Щонайменше 8 символів. Найкраще — фраза з кількох слів. Без імені та дати народження.

login-title = Вхід
login-identifier = Логін
login-identifier-hint = Приклад: amina.benali.14021990 (ім’я.прізвище.ДДММРРРР латинськими літерами; фахівці: ваша електронна пошта)
login-password = Пароль
action-login = Увійти
login-forgot = Забули пароль?
login-no-account = Ще немає сейфа? Організація-партнер (денний центр, CCAS, асоціація) може відкрити його разом із вами.

totp-title = Код безпеки
totp-code = 6-значний код із вашого застосунку автентифікації
action-continue = Продовжити
enroll-title = Увімкнути другий фактор
enroll-text = Відскануйте цей код застосунком автентифікації (наприклад, FreeOTP або Aegis), потім введіть 6 цифр, які він покаже.
enroll-manual = Не вдається відсканувати? Введіть цей ключ у застосунку:
action-confirm = Підтвердити
action-retry = Спробувати знову

recover-title = Відновлення пароля
recover-text = Використайте код відновлення, надрукований на вашому аркуші, щоб вибрати новий пароль.
recover-source = Який у вас код?
recover-source-sheet = Код з мого аркуша відновлення
recover-source-relay = Код, який мені щойно дала моя організація підтримки
recover-code = Код відновлення
recover-code-hint = Код із вашого аркуша, наприклад ABCD-EFGH-…
recover-new-password = Новий пароль
action-recover = Вибрати цей пароль
recover-no-code = Немає коду? Зверніться до своєї організації підтримки: соціальний працівник допоможе вам на місці.
recover-done-title = Новий пароль збережено
action-print = Роздрукувати

logout-title = Ви вийшли
logout-text = На цьому пристрої не залишилося нічого з вашого сейфа. Можна закрити цю сторінку.

home-title = Мій сейф
home-hello = Вітаємо, { $name }
home-sections = Мої розділи
# [1] — рівно одна; категорія one також охоплює 21, 31…
home-invitations = { $count ->
    [1] Одна організація хоче вас супроводжувати.
    [one] { $count } організація хоче вас супроводжувати.
    [few] { $count } організації хочуть вас супроводжувати.
    [many] { $count } організацій хочуть вас супроводжувати.
   *[other] { $count } організації хочуть вас супроводжувати.
}
notice-failed-logins = { $count ->
    [1] Після вашого останнього візиту хтось один раз невдало намагався увійти до вашого сейфа.
    [one] Після вашого останнього візиту хтось { $count } раз невдало намагався увійти до вашого сейфа.
    [few] Після вашого останнього візиту хтось { $count } рази невдало намагався увійти до вашого сейфа.
    [many] Після вашого останнього візиту хтось { $count } разів невдало намагався увійти до вашого сейфа.
   *[other] Після вашого останнього візиту хтось { $count } рази невдало намагався увійти до вашого сейфа.
} Якщо це були не ви, змініть пароль у розділі «Мій обліковий запис».
notice-recovered = Ваш пароль було змінено за допомогою коду відновлення { $date }. Якщо це були не ви, якнайшвидше зверніться до своєї організації підтримки.
notice-password-changed = Ваш пароль було змінено { $date }. Якщо це були не ви, якнайшвидше зверніться до своєї організації підтримки.
action-see = Відкрити
section-relais = Мої організації підтримки
section-settings = Мій обліковий запис

relais-intro = Організації підтримки — це організації, які вас супроводжують. Для кожної ви бачите, що вона може бачити.
relais-none = Поки що у вас немає організацій підтримки.
relais-since = З { $date }
relais-recovery = Ця організація підтримки може допомогти вам відновити доступ на місці.
relais-sees = Що бачить ця організація підтримки:
relais-sees-identity = Ваші ім’я, дату народження, телефон і мову.
action-leave = Вийти з цієї організації підтримки
reset-title = Скидання пароля на місці
action-start-reset = Почати скидання
reset-give = Передайте цей код людині (запишіть або роздрукуйте його). Ви ніколи не бачите й не вибираєте її пароль.
reset-step-1 = На сторінці входу людина вибирає «Забули пароль?».
reset-step-2 = Вона вводить свій логін, позначає «Код, який мені щойно дала моя організація підтримки» і вводить цей код.
reset-valid-until = Діє один раз, до { $date }
reset-not-recovery-relay = Ваша організація не входить до організацій підтримки, які людина вибрала для відновлення доступу. Вона може вибрати її в розділі «Мої організації підтримки».
action-recovery-on = Дозволити цій організації підтримки допомагати мені відновити доступ до сейфа
action-recovery-off = Більше не дозволяти цій організації підтримки допомагати мені відновити доступ до сейфа
invitations-title = Запрошення
invitation-text = { $structure } хоче вас супроводжувати.
action-accept = Прийняти
action-decline = Відхилити
leave-question = Вийти з { $structure }?
leave-text = Ця організація більше нічого не побачить у вашому сейфі. Пізніше вона зможе знову вас запросити.
action-leave-confirm = Так, вийти
action-cancel = Скасувати

settings-language = Мова
settings-password = Пароль
settings-current-password = Поточний пароль
settings-new-password = Новий пароль
settings-password-changed = Пароль змінено. Ваші інші сеанси закрито.
action-save = Зберегти

pro-title = Моя організація
pro-no-structure = Ви ще не входите до жодної організації.
pro-mediation = Організація-посередник: ви можете відкривати сейфи, але не бачите нічийого вмісту.
pro-followed = { $count ->
    [one] { $count } людина на супроводі
    [few] { $count } людини на супроводі
    [many] { $count } людей на супроводі
   *[other] { $count } людини на супроводі
}
pro-followed-none = Поки нікого.
pro-invite-label = Запросити людину, яка вже має сейф (логін)
action-invite = Запросити
action-open-safe = Відкрити сейф
team-title = Команда
invite-sent-title = Запрошення надіслано
invite-sent-text = Якщо такий логін існує, людина побачить запрошення під час наступного входу.

open-title = Відкрити сейф
open-intro = Разом із людиною та з її згоди. Вона входитиме за своїм логіном і паролем.
open-password-legend = Пароль
open-password-typed = Людина сама вводить пароль
open-password-generate = Створити фразу-пароль із 5 слів
open-password-field = Пароль, введений людиною
open-consent = Людина погоджується мати сейф, і їй пояснили, хто що може бачити.

sheet-title = Аркуш відновлення
sheet-identifier = Логін
sheet-recovery-code = Код відновлення
sheet-lost-title = Якщо ви забули пароль
sheet-lost-1 = Відкрийте { $address } (або відскануйте код) і виберіть «{ $forgot }».
sheet-lost-2 = Введіть логін і цей код відновлення, потім виберіть новий пароль.
sheet-lost-3 = Немає аркуша? Зверніться до своєї організації підтримки: соціальний працівник допоможе вам на місці.
sheet-keep = Зберігайте цей аркуш у надійному місці, окремо від телефону. Ніхто в Consigne не може прочитати ваш сейф.
sheet-passphrase-title = Пароль
sheet-passphrase-text = Покажіть цей пароль людині, щоб вона його запам’ятала або записала. Він не друкується.
sheet-print-hint = Щоб роздрукувати, скористайтеся меню «Друк» у браузері.
action-done = Готово

team-empty = Поки що немає жодного фахівця.
team-pending = доступ очікується
team-add = Додати фахівця
team-initial-password = Початковий пароль
team-added = { $name } тепер у команді.
role-member = Учасник
role-admin = Адміністратор організації
action-add = Додати

admin-title = Організації
admin-structures = Організації-партнери
admin-no-structure = Поки що немає жодної організації.
admin-create = Зареєструвати організацію
structure-kind-relay = Підтримка (супроводжує людей)
structure-kind-mediation = Посередництво (відкриває сейфи, не бачить вмісту)
action-create = Зареєструвати

# Documents and journal
section-documents = Мої документи
section-journal = Мій журнал
doc-folders = Папки
doc-none = Тут поки немає документів. Сфотографуйте документ або додайте файл нижче.
doc-none-shared = Людина не надала вашій організації доступу до жодного документа.
doc-shared-with-you = Документи, доступні вашій організації
doc-type-pdf = PDF
doc-type-photo = Фото
doc-expires = діє до { $date }
doc-add-title = Додати файл
doc-file = Файл
doc-file-hint = Фотографія (JPEG, PNG, WebP) або PDF, не більше { $max } МБ.
doc-name = Назва документа
doc-add-submit = Додати до мого сейфа
doc-new-folder = Нова папка
doc-folder-name = Назва папки
doc-folder = Папка
doc-expiry = Строк дії до
doc-edit = Назва, вид, папка, строк дії
doc-download = Завантажити
doc-shared-computer-warning = На спільному комп’ютері завантажений файл залишається в папці «Завантаження»: видаліть його після використання.
doc-who-sees = Хто бачить цей документ
doc-private-no-relais = Лише ви: у вас немає організацій підтримки.
doc-share-legend = Надати доступ моїм організаціям підтримки
doc-added-by = Додано { $date } ({ $who }).
doc-delete = Видалити цей документ
doc-delete-question = Видалити «{ $name }»?
doc-delete-text = Документ буде видалено назавжди — і для вас, і для ваших організацій підтримки.
doc-delete-confirm = Так, видалити
doc-no-preview = Для цього документа немає попереднього перегляду. Завантажте його, щоб прочитати.
doc-pages = Сторінки документа
doc-page-alt = Сторінка { $n } з { $total }
doc-pages-partial = Показано перші сторінки: { $shown } з { $total }. Завантажте документ, щоб побачити інші.
pro-doc-back = Назад до картки людини
relais-sees-documents = { $count ->
    [one] { $count } документ, до якого ви надали їй доступ.
    [few] { $count } документи, до яких ви надали їй доступ.
    [many] { $count } документів, до яких ви надали їй доступ.
   *[other] { $count } документа, до яких ви надали їй доступ.
}
error-unsupported-type = Цей тип файлу не приймається. Надішліть фотографію (JPEG, PNG, WebP) або PDF.
error-file-too-large = Файл завеликий (не більше { $max } МБ). Зробіть нову фотографію або зверніться до своєї організації підтримки.
error-pdf-not-checkable = Цей PDF завеликий, щоб очистити його тут (понад { $max } МБ), і в ньому є скрипти, вкладені файли або частини, які ми не можемо перевірити. Збережіть його знову у PDF («Друк», потім «Зберегти як PDF») або надішліть кількома меншими файлами.
error-photo-too-large = Ця фотографія завелика (понад { $max } МБ). Зробіть її знову з меншою роздільною здатністю або надішліть як PDF.
error-too-many-files = Забагато фотографій за один раз (не більше 20).
error-quota = Ваш сейф заповнений. Видаліть документи, які вам більше не потрібні.
error-input-damaged-file = — пошкоджений або неповний файл. Спробуйте іншу копію.
error-input-malformed-upload = — завантаження не завершилося. Спробуйте ще раз.
field-file = Файл
journal-intro = Усе, що відбувалося у вашому сейфі: хто що відкривав чи змінював і коли.
journal-you = ви
journal-someone = хтось
journal-deleted-document = видалений документ
journal-login-success = Вхід ({ $who }).
journal-login-failure = Хтось невдало намагався увійти до вашого сейфа.
journal-safe-opened-success = Ваш сейф відкрито ({ $who }).
journal-profile-viewed-success = Перегляд ваших даних ({ $who }).
journal-invitation-sent-success = Вам надіслано запрошення на супровід ({ $who }).
journal-invitation-accepted-success = Запрошення прийнято ({ $who }).
journal-invitation-declined-success = Запрошення відхилено ({ $who }).
journal-relay-left-success = Вихід з організації підтримки ({ $who }).
journal-password-changed-success = Пароль змінено ({ $who }).
journal-recovered-with-code-success = Пароль змінено за допомогою коду відновлення.
journal-recovered-in-person-success = Пароль змінено у вашій організації підтримки.
journal-reset-started-success = { $who }: запитано скидання вашого пароля.
journal-recovery-relay-added-success = Організація підтримки тепер може допомогти відновити доступ ({ $who }).
journal-recovery-relay-removed-success = Організація підтримки більше не може допомогти відновити доступ ({ $who }).
journal-document-uploaded-success = Документ «{ $what }» додано ({ $who }).
journal-document-viewed-success = Документ «{ $what }» переглянуто ({ $who }).
journal-document-downloaded-success = Документ «{ $what }» завантажено ({ $who }).
journal-document-renamed-success = Документ «{ $what }» перейменовано ({ $who }).
journal-document-moved-success = Документ «{ $what }» переміщено ({ $who }).
journal-document-expiry-set-success = Строк дії документа «{ $what }» змінено ({ $who }).
journal-document-deleted-success = Документ видалено ({ $who }).
journal-document-shared-success = Організації підтримки надано доступ до документа «{ $what }» ({ $who }).
journal-document-unshared-success = Доступ до документа «{ $what }» закрито ({ $who }).
journal-viewed-times = { $count ->
    [few] «{ $what }» переглянуто { $count } рази ({ $who }).
   *[other] «{ $what }» переглянуто { $count } разів ({ $who }).
}
journal-shared-with = Доступ до «{ $what }» надано для { $relais } ({ $who }).
journal-unshared-with = Доступ до «{ $what }» для { $relais } закрито ({ $who }).
journal-folder-created-success = Папку створено ({ $who }).
journal-folder-deleted-success = Папку видалено ({ $who }).
journal-document-exported-success = Документ «{ $what }» включено до вивантаження сейфа ({ $who }).
export-title = Забрати все з собою
export-text = Один файл (ZIP) з усіма вашими документами, файлом data.json з усім іншим і списком контрольних сум, щоб перевірити, що нічого не змінилося.
export-download = Завантажити мій сейф
delete-account-title = Видалити мій сейф
delete-account-text = Усе буде видалено назавжди: ваші документи, зв’язки з організаціями підтримки, ваш обліковий запис. Якщо хочете зберегти копію, спершу завантажте свій сейф.
delete-account-password = Ваш пароль для підтвердження
delete-account-confirm = Видалити все
delete-account-done-title = Ваш сейф видалено
delete-account-done-text = Від нього нічого не залишилося. Організація-партнер може будь-коли відкрити разом із вами новий сейф.
doc-page-up = Перемістити сторінку вище
doc-page-down = Перемістити сторінку нижче
doc-folder-edit = Перейменувати або перемістити теку
doc-folder-delete-hint = Її вміст повернеться до «Мої документи»: жоден документ не загубиться.
doc-folder-delete = Видалити цю теку
error-folder-cycle = Теку не можна перемістити до її власної вкладеної теки.

## Contacts, notes and appointments
section-contacts = Мої контакти
section-notes = Мої нотатки
section-events = Мої зустрічі
contact-add = Додати контакт
note-add = Додати нотатку
event-add = Додати зустріч
contact-none = Контактів поки немає.
note-none = Нотаток поки немає.
event-none = Зустрічей поки немає.
contact-none-shared = Людина не надала вашій організації доступу до жодного контакту.
note-none-shared = Людина не надала вашій організації доступу до жодної нотатки.
event-none-shared = Людина не надала вашій організації доступу до жодної зустрічі.
contact-shared-with-you = Контакти, відкриті вашій організації
note-shared-with-you = Нотатки, відкриті вашій організації
event-shared-with-you = Зустрічі, відкриті вашій організації
note-list-hint = Текст нотатки тут прихований: відкрийте нотатку, щоб прочитати його.
event-upcoming = Найближчі
event-past = Минулі
event-reminder-1440 = SMS за 1 день
event-reminder-120 = SMS за 2 години
event-reminder-minutes = SMS за { $minutes } хв.
item-edit = Змінити
item-delete = Видалити
item-delete-question = Видалити «{ $name }»?
item-delete-text = Це буде стерто назавжди — для вас і для ваших організацій підтримки.
item-delete-confirm = Так, видалити
item-who-sees = Хто це бачить
item-added-by = Додано: { $who }, { $date }.
item-back-to-file = Назад до справи людини
field-title = Назва
field-body = Текст
field-address = Адреса
field-comment = Коментар
field-date = Дата
field-time = Час
field-starts-at = Дата й час
field-location = Місце
field-reminders = Нагадування
error-input-invalid = — неправильне значення.
error-input-invalid-datetime = — неправильні дата й час.
error-input-invalid-reminder = — неправильне нагадування.
error-input-too-many-reminders = — не більше 5 нагадувань.
relais-sees-contacts = Відкриті їй контакти: { $count }
relais-sees-notes = Відкриті їй нотатки: { $count }
relais-sees-events = Відкриті їй зустрічі: { $count }
journal-deleted-item = уже видалений запис
journal-contact-created-success = Контакт «{ $what }» додано ({ $who }).
journal-contact-viewed-success = Контакт «{ $what }» відкрито ({ $who }).
journal-contact-updated-success = Контакт «{ $what }» змінено ({ $who }).
journal-contact-deleted-success = Контакт видалено ({ $who }).
journal-contact-shared-success = Організації підтримки надано доступ до контакту «{ $what }» ({ $who }).
journal-contact-unshared-success = Доступ до контакту «{ $what }» закрито ({ $who }).
journal-note-created-success = Нотатку «{ $what }» додано ({ $who }).
journal-note-viewed-success = Нотатку «{ $what }» відкрито ({ $who }).
journal-note-updated-success = Нотатку «{ $what }» змінено ({ $who }).
journal-note-deleted-success = Нотатку видалено ({ $who }).
journal-note-shared-success = Організації підтримки надано доступ до нотатки «{ $what }» ({ $who }).
journal-note-unshared-success = Доступ до нотатки «{ $what }» закрито ({ $who }).
journal-event-created-success = Зустріч «{ $what }» додано ({ $who }).
journal-event-viewed-success = Зустріч «{ $what }» відкрито ({ $who }).
journal-event-updated-success = Зустріч «{ $what }» змінено ({ $who }).
journal-event-deleted-success = Зустріч видалено ({ $who }).
journal-event-shared-success = Організації підтримки надано доступ до зустрічі «{ $what }» ({ $who }).
journal-event-unshared-success = Доступ до зустрічі «{ $what }» закрито ({ $who }).
sms-event-reminder = Consigne: у вас зустріч { $date } о { $time }. Подробиці у вашому сейфі.
sms-expiry-reminder = Consigne: термін одного з ваших документів спливає через { $days } дн. Відкрийте сейф, щоб вчасно його поновити.
reminder-status-scheduled = заплановано
reminder-status-sent = надіслано
reminder-status-delivered = отримано
reminder-status-failed = не отримано
home-expiring-title = Документи, які скоро треба поновити
home-expiring-item = { $name }: спливає { $date }
home-expired-item = { $name }: сплив { $date }
home-expiring-more = … і ще { $count }: переглянути мої документи
agenda-download = Завантажити мій щоденник (файл .ics)
contacts-download = Завантажити мої контакти (файл .vcf)
feed-title = Мої зустрічі в телефоні
feed-open = Показувати мої зустрічі в календарі телефона
feed-intro = Календар вашого телефона може показувати ваші зустрічі й оновлювати їх. Він використовує особисте посилання: нікому його не давайте.
feed-none = У вас ще немає особистого посилання.
feed-create = Створити моє особисте посилання
feed-created = Ваше особисте посилання готове.
feed-subscribe = Додати до календаря телефона
feed-link-label = Моє особисте посилання
feed-qr-hint = Або відскануйте цей код телефоном.
feed-warning = Будь-хто, хто має це посилання, бачить ваші зустрічі (але не документи). Якщо ви дали його помилково, зупиніть його.
feed-hidden = Це посилання більше не можна показати тут. Створіть нове, якщо потрібно.
feed-last-read = Останнє читання календарем: { $when }
feed-never-read = Жоден календар його ще не читав.
feed-renew = Створити нове посилання (старе перестане працювати)
feed-revoke = Зупинити це посилання
feed-revoked = Посилання зупинено. Жоден календар більше не може читати за ним ваші зустрічі.
journal-calendar-feed-created-success = { $who }: створено особисте посилання календаря.
journal-calendar-feed-revoked-success = { $who }: особисте посилання календаря зупинено.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = Вашому службовому обліковому запису потрібен другий фактор. Продовжте, щоб отримати ключ для застосунку-автентифікатора.
# issue 11: members
error-access-pending-approval = Спершу адміністратор вашої організації, який має її ключ, повинен схвалити ваш доступ.
error-account-deactivated = Ваша організація вимкнула цей обліковий запис. Якщо це помилка, зверніться до її адміністратора.
error-last-key-holder = Це останній працівник, який має ключ організації: спершу схваліть іншого працівника, інакше ніхто не зможе відкрити те, чим люди діляться з організацією.
error-member-not-pending = Цей працівник уже не чекає на схвалення.
error-key-not-held = У вас ще немає ключа організації.
team-pending-title = Чекають на схвалення
team-approve-hint = Схвалюйте лише колегу, якого знаєте, перевіривши це з ним особисто: схвалення дає йому ключ до всього, чим люди діляться з організацією.
team-pending-hint = Перш ніж ці працівники щось побачать, їх має схвалити адміністратор організації, який має її ключ.
team-requested = Запит від { $name }, { $date }
team-requested-unknown = хтось
team-approve = Схвалити
team-refuse = Відхилити
team-no-key = без ключа
team-deactivate = Вимкнути
team-deactivate-hint = Вимкнення працівника одразу завершує його сеанси, закриває йому доступ і оновлює ключ організації. У журналах він залишається.
team-former-title = Колишні працівники
team-deactivated-on = вимкнено { $date }
team-add-pending-hint = У вас немає ключа організації: новий працівник чекатиме, доки його схвалить адміністратор, який має ключ.
team-added-pending = { $name } додано, чекає на схвалення адміністратора.
team-approved = Працівника схвалено: тепер він має доступ до справ організації.
team-deactivated = Працівника вимкнено: його сеанси завершено, ключ організації оновлюється.
journal-member-added-success = { $who } додав(ла) працівника до організації.
journal-member-requested-success = { $who } попросив(ла) додати працівника до організації.
journal-member-approved-success = { $who } схвалив(ла) працівника організації.
journal-member-deactivated-success = { $who } вимкнув(ла) працівника організації.
journal-structure-key-rotated-success = Ключ організації оновлено.
# issue 11: reset
reset-intro-confirmed = Людина загубила пароль і аркуш відновлення? Коли вона поруч із вами, запросіть скидання. Колега з вашої організації має його підтвердити; тоді код передають людині, і вона сама обирає новий пароль.
reset-awaiting-text = Скидання запитано. Колега з вашої організації має підтвердити його на своїй головній сторінці: тоді йому покажуть код, щоб передати його людині.
reset-delayed-text = Ви єдиний член своєї організації, хто може його підтвердити. Щоб захистити людину, код можна створити лише починаючи з { $date }. Приходьте з нею тоді: запит буде на вашій головній сторінці.
reset-she-is-told = Людину попереджено (SMS, якщо відомий її номер, і на її сторінці). Вона може скасувати скидання.
reset-step-3-new-sheet = Вона обирає новий пароль, входить і друкує новий аркуш відновлення.
resets-pending-title = Скидання, що чекають підтвердження
resets-pending-item = { $person }: запитав(ла) { $who } { $date }.
resets-confirmed = Уже підтверджено: код було видано один раз.
resets-delayed-until = Лише ви можете його підтвердити, починаючи з { $date }.
resets-needs-colleague = Його має підтвердити інший член організації.
action-confirm-reset = Підтвердити й показати код
action-cancel-reset = Скасувати це скидання
notice-reset-started = { $date } в організації «{ $structure }» запитали скидання вашого пароля.
notice-reset-delayed = Його не можна використати до { $date }.
notice-reset-not-you = Якщо ви його не запитували, скасуйте його зараз.
notice-new-sheet = Ваш код відновлення більше не діє. Надрукуйте зараз новий аркуш відновлення й зберігайте його в надійному місці.
action-new-sheet = Створити мій новий аркуш відновлення
new-sheet-title = Новий аркуш відновлення
new-sheet-text = Буде створено новий код відновлення; старий перестане діяти. Надрукуйте аркуш або запишіть код і зберігайте його в надійному місці, не разом із телефоном.
new-sheet-login-again = Для вашого захисту вийдіть і увійдіть знову, потім поверніться, щоб створити аркуш.
phone-title = Мій номер телефону
phone-text = Він потрібен лише для нагадувань і повідомлень про безпеку (наприклад, якщо хтось запитає скидання вашого пароля). Залиште поле порожнім, щоб видалити номер.
phone-hint = Наприклад 06 12 34 56 78
phone-pro-text = Змінюйте його лише разом із людиною. Вона побачить це у своєму журналі; на старий номер надійде повідомлення.
open-recovery-legend = Чи може ваша організація допомогти людині відновити доступ до сейфа?
open-recovery-consequence = Запитайте її. Якщо вона погоджується, ця організація підтримки зможе допомогти їй знову увійти, якщо вона загубить пароль і аркуш; у найгіршому разі вона могла б відкрити її сейф. Людина може передумати будь-коли в розділі «Мої організації підтримки».
open-recovery-yes = Так, ця організація підтримки може допомогти відновити доступ
open-recovery-no = Ні
open-recovery-required = Вкажіть, чи може ця організація підтримки допомогти відновити доступ.
relais-recovery-consequence = Організація підтримки, якій ви це дозволили, може повернути вам доступ, якщо ви загубите пароль і аркуш; у найгіршому разі вона могла б відкрити ваш сейф. Вас попереджають щоразу, і ви можете це скасувати.
recover-done-new-sheet = Ваш пароль змінено. Старий код відновлення більше не діє: увійдіть зараз і надрукуйте новий аркуш відновлення.
sms-reset-started = Consigne: хтось запитав скидання доступу до вашого сейфа. Якщо це були не ви, увійдіть і скасуйте його.
sms-phone-changed = Consigne: номер телефону вашого сейфа змінено. Якщо це були не ви, зверніться до своєї організації підтримки.
journal-reset-confirmed-success = { $who }: скидання пароля підтверджено.
journal-reset-cancelled-success = { $who }: скидання пароля скасовано.
journal-recovery-code-renewed-success = { $who }: надруковано новий аркуш відновлення (старий код більше не діє).
journal-phone-changed-success = { $who }: номер телефону змінено.
journal-phone-removed-success = { $who }: номер телефону видалено.
# issue 11: media (image and PDF bombs)
error-image-too-large = У цьому зображенні забагато пікселів, щоб обробити його тут (понад { $max } мегапікселів або забагато кольорів на піксель). Зробіть фото ще раз із меншою роздільністю або надішліть його у форматі PDF.
error-pdf-too-complex = Цей PDF розпаковується в занадто великий обсяг даних, щоб обробити його тут. Збережіть його знову як PDF (Друк, потім «Зберегти як PDF») або надішліть кількома меншими файлами.
# issue 11: requests
error-field-too-long = Одне з полів форми задовге (наприклад, назва): скоротіть його й надішліть знову.
error-scan-too-large = Ці фотографії разом завеликі (понад { $max } МБ): надішліть менше сторінок за раз або зніміть їх із нижчою роздільністю.
# issue 12: paginated lists, the professional's search
pager-label = Сторінки списку
pager-previous = Попередня сторінка
pager-next = Наступна сторінка
pager-position = Сторінка { $page }
field-page = Номер сторінки
error-input-invalid-page = має бути цілим числом від 1 до 100000.
pro-search-label = Знайти людину (прізвище, ім'я, ідентифікатор або дата народження)
action-search = Знайти
pro-search-clear = Очистити пошук
pro-search-none = Ніхто не відповідає цьому пошуку.
pro-search-found = { $count ->
    [one] Знайдено { $count } людину
    [few] Знайдено { $count } людини
   *[other] Знайдено { $count } людей
}

## Times (local, to the minute)
time-zone-name = за часом { $city }
times-note = Час указано за часовим поясом { $city }.

## The printed recovery sheet, a structure's phone
sheet-address = Адреса сайту
sheet-qr-label = Відскануйте цей код телефоном: він відкриє сторінку входу.
sheet-relay = Ваша організація підтримки, яка допоможе на місці
sheet-made = Аркуш створено { $date }.
field-structure-phone = Телефон організації
structure-phone-hint = Друкується на аркуші відновлення тих, хто обрав вашу організацію, щоб вона допомогла їм повернути доступ до сейфа.
structure-phone-saved = Номер організації збережено.
journal-structure-phone-changed-success = { $who } змінив(ла) номер телефону організації.

## Show password
password-show = Показати пароль

## Ready-made folders of a new safe
folder-identity = Посвідчення
folder-health = Здоров’я
folder-housing = Житло
folder-income = Доходи
folder-family = Сім’я
folder-other = Інше
error-input-short-number = — не може отримувати SMS. Вкажіть номер мобільного, наприклад 06 12 34 56 78 або +44 7700 900123.
login-identifier-homonym = Крапки, пробіли чи дефіси — як вам зручно (amina benali 14/02/1990). Якщо на вашому аркуші після дати стоїть номер (наприклад, -2), наберіть і його.
sheet-homonym = Ваш логін закінчується на «{ $number }»: інша людина має таке саме ім'я та дату народження. Завжди набирайте «{ $number }» у кінці.
error-invalid-recovery = Неправильний логін або код. Перевірте обидва: логін і код відновлення є на вашому аркуші, або код вам дала ваша організація підтримки. Якщо дійсного коду немає, зверніться до своєї організації підтримки.
notice-recovered-in-person = Ваш пароль було змінено { $date } за допомогою коду, який видала ваша організація підтримки (скидання на місці). Якщо це були не ви, якнайшвидше зверніться до своєї організації підтримки.
recover-done-in-person = Ваш пароль змінено за допомогою коду вашої організації підтримки. Старий аркуш відновлення теж більше не діє: увійдіть зараз і надрукуйте новий аркуш відновлення.
doc-add-submit-for-her = Додати до сейфа цієї людини
journal-document-expiry-removed-success = Строк дії документа «{ $what }» видалено ({ $who }).
doc-pro-corrections = Виправити те, що додала ваша організація
doc-pro-corrections-hint = Ви можете виправити назву чи строк дії або видалити документ, який додала ваша організація, доки людина сама його не змінила й не закрила до нього доступ. Вона побачить це у своєму журналі.
doc-pro-delete-text = Видалити цей документ із сейфа людини назавжди.
reminder-status-no_phone = немає номера телефону: нічого не буде надіслано
reminder-add-phone = Додати номер
phone-remove = Видалити цей номер
phone-current = Збережений номер:
phone-none = Номера немає: SMS-нагадування не можуть бути надіслані.
phone-add = Додати мій номер
phone-change = Змінити або видалити мій номер

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = Збережено.
notice-added = Додано до сейфа.
notice-deleted = Видалено.
notice-shared = Збережено: позначені організації підтримки це бачать.
notice-private = Збережено: це особисте, бачите лише ви.
notice-invitation-accepted = Запрошення прийнято: тепер ця організація підтримки вас супроводжує.
notice-invitation-declined = Запрошення відхилено: ця організація підтримки нічого не бачить у вашому сейфі.
notice-relay-left = Ви вийшли з цієї організації підтримки: вона більше нічого не бачить у вашому сейфі.
notice-page-added = Фотографію додано.
notice-page-removed = Сторінку прибрано.
notice-scan-cancelled = Фотографії видалено.
mark-private = Особисте
mark-shared = { $count ->
    [one] Доступно { $count } організації підтримки
   *[other] Доступно { $count } організаціям підтримки
}
mark-shared-structure = Доступно вашій організації
scan-take = Сфотографувати
scan-take-another = Сфотографувати ще одну сторінку
scan-hint = Одна фотографія на сторінку. Потім ви перевіряєте сторінки, даєте назву і зберігаєте.
scan-hint-again = До збереження ще можна змінити порядок сторінок.
scan-chosen = Фотографія готова: натисніть «Продовжити».
scan-review-title = Перевірте фотографії
scan-review-text = { $count ->
    [one] { $count } сторінка.
    [few] { $count } сторінки.
   *[other] { $count } сторінок.
} Перевірте, що кожна сторінка добре читається і що сторінки йдуть по порядку.
scan-page = Сторінка { $number }
scan-remove = Прибрати
scan-remove-page = Прибрати сторінку { $number }
scan-save-title = Назвати і зберегти
scan-save = { $count ->
    [one] Зберегти документ ({ $count } сторінка)
    [few] Зберегти документ ({ $count } сторінки)
   *[other] Зберегти документ ({ $count } сторінок)
}
scan-cancel = Скасувати і видалити ці фотографії
scan-gone-title = Цих фотографій більше немає
scan-gone-text = Фотографії зберігаються одну годину, поки ви не вийшли: їх зберегли, скасували або видалили. Сфотографуйте знову.

# Case file (issue 14): the structure's record of a person's situation, referent, hand-over.
field-housing = Житло
field-family-status = Сімейний стан
field-children = Діти та утриманці
field-nationality = Громадянство
field-residence-permit = Посвідка на проживання
field-residence-permit-until = Документ дійсний до
field-domiciliation = Поштова адреса (доміциліація)
field-resource-kind = Дохід
field-resource-amount = Сума на місяць (€)
field-health-cover = Медичне страхування
field-health-cover-until = Страхування дійсне до
field-protection = Захід захисту
field-referent = Куратор
field-note = Нотатка
field-situation = Становище
casefile-title = Досьє
casefile-intro = Записи організації про її становище: їх немає в її сейфі, і вона їх не бачить. Читають їх лише працівники організації.
casefile-open = Відкрити досьє ({ $structure })
casefile-situation = Змінити становище
casefile-save = Зберегти становище
casefile-handover = Передати колезі
casefile-handover-hint = Передайте людину колезі: новий куратор знайде її в розділі «Мої люди». Нотатка залишиться в історії.
casefile-handover-submit = Передати
casefile-history = Історія
casefile-history-none = Поки змін немає.
casefile-history-line = { $when }, { $who }
casefile-left = Ця людина більше не обирає організацію своїм довіреним пунктом: організація зберігає досьє лише для читання і більше не бачить нічого нового в її сейфі.
casefile-referent-none = Немає куратора
casefile-back = Назад до її картки
casefile-until = до { $date }
casefile-per-month = { $amount } € на місяць
casefile-children-count = діти та утриманці: { $count }
casefile-resources-hint = Один рядок на дохід, сума на місяць у цілих євро.
casefile-field-housing = Житло
casefile-field-family = Сімейний стан
casefile-field-administrative = Адміністративне становище
casefile-field-resources = Доходи
casefile-field-health-cover = Медичне страхування
casefile-field-protection = Захід захисту
casefile-field-referent = Куратор
casefile-housing-street = На вулиці
casefile-housing-emergency-shelter = Екстрений притулок
casefile-housing-hosted-third-party = Живе у третьої особи
casefile-housing-chrs = CHRS (центр соціальної реабілітації)
casefile-housing-hotel = Готель
casefile-housing-squat = Сквот
casefile-housing-tenant = Орендар
casefile-housing-owner = Власник
casefile-housing-institution = Установа (лікарня, гуртожиток…)
casefile-housing-other = Інше
casefile-family-single = Самотня
casefile-family-couple = У парі
casefile-family-married = У шлюбі
casefile-family-civil-union = Цивільний союз (PACS)
casefile-family-separated = Окремо
casefile-family-divorced = Розлучена
casefile-family-widowed = Вдова
casefile-permit-not-required = Не потрібно (громадянка Франції чи ЄС)
casefile-permit-none = Немає
casefile-permit-asylum-certificate = Довідка про подання заяви на притулок
casefile-permit-receipt = Розписка (récépissé)
casefile-permit-temporary = Тимчасова посвідка
casefile-permit-multi-year = Багаторічна посвідка
casefile-permit-resident = Карта резидента
casefile-permit-other = Інше
casefile-resource-wages = Зарплата
casefile-resource-unemployment = Допомога з безробіття
casefile-resource-rsa = RSA (мінімальний дохід)
casefile-resource-prime-activite = Prime d'activité (доплата до зарплати)
casefile-resource-aah = AAH (допомога з інвалідності)
casefile-resource-pension = Пенсія
casefile-resource-sick-pay = Лікарняні
casefile-resource-family-benefits = Сімейні виплати
casefile-resource-housing-benefit = Житлова допомога
casefile-resource-ada = ADA (допомога шукачам притулку)
casefile-resource-other = Інше
casefile-health-none = Немає
casefile-health-puma = Медичне страхування (PUMa)
casefile-health-css = Complémentaire santé solidaire
casefile-health-ame = AME (державна медична допомога)
casefile-health-private = Додаткове страхування
casefile-health-other = Інше
casefile-protection-none = Немає
casefile-protection-safeguard-of-justice = Тимчасовий судовий захист
casefile-protection-curatorship = Піклування
casefile-protection-reinforced-curatorship = Посилене піклування
casefile-protection-guardianship = Опіка
casefile-protection-family-habilitation = Сімейне повноваження
casefile-protection-masp = MASP (захід соціального супроводу)
casefile-protection-other = Інше
pro-filter-label = Фільтр списку
pro-filter-all = Усі
pro-filter-mine = Мої люди
pro-mine-count = Мої люди: { $count }
pro-mine-none = Поки ви ні для кого не куратор.
journal-case-file-updated-success = { $who } змінив(ла) досьє організації.
journal-referent-changed-success = { $who } змінив(ла) куратора людини.
# Issue 14: a structure's statistics.
stats-title = Статистика
stats-intro = Кожна цифра — це підрахунок даних, які сервер бачить у відкритому вигляді (дати, типи, лічильники): для розрахунку нічого не розшифровується. Дні рахуються за часовим поясом платформи.
stats-structure = Організація
field-from = З
field-to = По
stats-period = З { $from } по { $to }
# A rate in percent: $whole and $tenth are its digits before and after the decimal separator.
stats-rate-shown = { $whole },{ $tenth }%
stats-no-rate = — (сейфи не відкривалися)
stats-download-csv = Завантажити (CSV)
stats-download-ods = Завантажити (таблиця ODS)
error-input-invalid-period = — неправильний період: початок має бути раніше за кінець, не більше десяти років.
stats-from = Початок періоду
stats-from-def = Перший врахований день.
stats-to = Кінець періоду
stats-to-def = Останній врахований день.
stats-people-followed = Супроводжувані люди
stats-people-followed-def = Люди, у яких організація є їхньою організацією підтримки на кінець періоду: вони обрали її до цієї дати й відтоді не пішли (Consigne не зберігає відомостей про відходи).
stats-safes-opened = Відкриті сейфи
stats-safes-opened-def = Сейфи, відкриті фахівцем організації за період.
stats-safes-reconnected = Люди, що повернулися
stats-safes-reconnected-def = Із цих сейфів — ті, власниця яких хоча б раз сама увійшла між 1-м і 183-м днем після відкриття. День n починається через n × 24 години після відкриття: день відкриття не рахується, як і вхід після 183-го дня.
stats-reconnection-rate = Частка повернень
stats-reconnection-rate-def = Люди, що повернулися, поділені на відкриті сейфи (порожньо, якщо сейфи не відкривалися). Сейф, відкритий менш ніж 184 дні тому, вже враховується.
stats-relais-accepted = Нові прийняті запрошення
stats-relais-accepted-def = Люди, які за період погодилися, щоб організація стала їхньою організацією підтримки (прийняте запрошення). Сейфи, відкриті організацією, тут не враховуються.
stats-documents-added-by-professionals = Документи, додані фахівцями
stats-documents-added-by-professionals-def = Документи, додані за період фахівцем організації до сейфа людини (видалені відтоді більше не враховуються).
stats-documents-added-by-people = Документи, додані самими людьми
stats-documents-added-by-people-def = Документи, які люди самі додали за період і якими діляться з організацією. Те, що вони зберігають лише для себе, не враховується.
stats-sms-sent = Надіслані SMS
stats-sms-sent-def = Нагадування SMS, надіслані за період людям, чий сейф відкрила організація.
stats-sms-segments = Сегменти SMS
stats-sms-segments-def = Сегменти, враховані оператором для цих SMS (довгий текст або текст зі спеціальними символами — це кілька сегментів).
stats-followups = Зустрічі
stats-followups-def = Звіти про зустрічі, датовані цим періодом, у будь-якому статусі.
stats-followups-by-medium = Зустрічі за способом зв'язку
stats-followups-by-medium-def = Зустрічі за період, пораховані за способом зв'язку.
stats-followups-by-subject = Зустрічі за темами
stats-followups-by-subject-def = Зустрічі за період, пораховані по одному разу для кожної теми (зустріч із двома темами враховується в обох).
stats-by-housing = Люди за житловою ситуацією
stats-by-housing-def = Люди, яких супроводжують на кінець періоду, за останньою житловою ситуацією в їхній справі.
stats-housing-unknown = Не вказано
stats-breakdown-line = { $group }: { $item }
# Follow-ups (interview reports) and the structure's agenda.
journal-followup-written-success = { $who } написав(ла) звіт про вашу зустріч.
pro-agenda-title = Календар
pro-agenda-due = Термін за записом
pro-agenda-week = Тиждень з { $date }
pro-agenda-referent = Куратор
pro-agenda-everyone = Усі
pro-agenda-filter = Фільтр
pro-agenda-previous = Попередній тиждень
pro-agenda-next = Наступний тиждень
pro-agenda-download = Завантажити (файл .ics)
pro-agenda-empty = Цього тижня нічого не заплановано.
followups-title = Зустрічі
followups-intro = Звіти вашої організації. Спільну частину людина читає у своєму сейфі; закрита частина залишається в організації.
followups-back = Назад до картки людини
followups-open = Переглянути й написати звіти
followups-new = Новий звіт
followups-shared-hint = Людина прочитає цей текст у своєму сейфі.
followups-private-hint = Цей текст прочитають лише працівники вашої організації.
followups-save = Зберегти звіт
followups-add-subject = Додати тему до списку організації
followups-none = Поки що немає звітів.
followups-author = Автор
followups-delete = Видалити
field-medium = Спосіб зв'язку
field-subjects = Теми
field-status = Стан
field-due-on = Термін
field-shared-text = Частина для людини
field-private-text = Закрита частина (лише організація)
field-document-ids = Прикріплені документи
field-label = Назва
my-followups-title = Звіти про ваші зустрічі
# Its short name on the home tile.
home-followups = Звіти
my-followups-intro = Що ваші організації написали про ваші зустрічі — для вас.
my-followups-none = Поки що немає звітів.
my-followups-by = Автор: { $name } ({ $structure })
followups-medium-planned-meeting = Запланована зустріч
followups-medium-walk-in = Без запису
followups-medium-phone = Телефон
followups-medium-home-visit = Візит додому
followups-medium-outside-appointment = Зустріч поза організацією
followups-medium-mail = Пошта
followups-medium-email = Електронна пошта
followups-medium-video = Відеозв'язок
followups-medium-third-party = Через третю особу
followups-status-todo = Зробити
followups-status-in-progress = У роботі
followups-status-done = Зроблено
followups-subject-housing = Житло
followups-subject-domiciliation = Адреса для листування
followups-subject-resources = Доходи
followups-subject-employment = Робота
followups-subject-health = Здоров'я
followups-subject-administrative = Документи
followups-subject-residence-permit = Посвідка на проживання
followups-subject-family = Сім'я
followups-subject-justice = Правосуддя
followups-subject-food = Харчування
followups-subject-mobility = Транспорт
followups-subject-digital = Цифрові послуги
followups-subject-other = Інше

# Household (issue 14, item 3)
family-title = Моя сім'я
family-intro = Зв'яжіть свій сейф із сейфами родини (партнер, діти, батьки), якщо вони згодні, і запишіть людей на вашому утриманні, які не мають сейфа. Зв'язок ніколи не показує вашим реле більше, ніж ви їм відкриваєте.
family-links-title = Зв'язані сейфи
family-none = Поки нікого.
family-state-linked = Зв'язані
family-state-waiting-for-me = Просить зв'язатися з вами
family-state-waiting-for-them = Чекаємо відповіді
family-a-relais = реле
family-proposed-by = Запропоновано: { $structure }
family-undo = Розірвати зв'язок
family-ask-title = Попросити зв'язати сейф
family-ask-hint = Введіть ідентифікатор сейфа іншої людини. Вона побачить запит у своєму сейфі й вирішить, чи прийняти його. Дитина з власним сейфом приймає сама.
family-ask-action = Надіслати запит
family-ask-sent = Якщо сейф із таким ідентифікатором є, його власниця побачить ваш запит. Зв'язок з'явиться лише після її згоди.
family-dependants-title = Люди на моєму утриманні без сейфа
family-dependants-hint = Їх бачите лише ви, якщо не покажете когось реле.
family-show-to = Показати { $relais }
family-hide-from = Більше не показувати { $relais }
family-delete = Видалити
family-dependant-add = Додати людину
family-pro-title = Сім'я
family-pro-intro = Зв'язані сейфи, власниці яких теж обрали вашу структуру реле, і люди на утриманні, яких вони вам показують. Зв'язок ніколи не показує більше.
family-pro-members = Члени сім'ї
family-pro-dependants = Люди на утриманні
family-pro-of = записав(ла): { $name }
family-propose-title = Запропонувати зв'язок
family-propose-hint = Кожна людина має прийняти його у своєму сейфі.
family-propose-action = Запропонувати
family-pro-back = Назад до картки людини
field-relation = Спорідненість
field-member = Людина
relation-partner = Партнер
relation-child = Дитина
relation-parent = Батько або мати
relation-sibling = Брат або сестра
relation-other = Інше
error-input-invalid-relation = недійсне: виберіть зі списку.
error-household-exists = Ці два сейфи вже зв'язані або чекають відповіді. Відкрийте сторінку сім'ї.
journal-household-link-asked-success = { $who } попросив(ла) зв'язати два сейфи сім'ї.
journal-household-link-proposed-success = { $who } запропонував(ла) зв'язати два сейфи сім'ї.
journal-household-link-accepted-success = { $who } прийняв(ла) сімейний зв'язок.
journal-household-link-removed-success = { $who } видалив(ла) сімейний зв'язок.
journal-household-viewed-success = { $who } переглянув(ла) картку сім'ї.
journal-dependant-added-success = { $who } додав(ла) людину на вашому утриманні.
journal-dependant-deleted-success = { $who } видалив(ла) людину на вашому утриманні.
journal-dependant-shown-success = { $who } показав(ла) людину на вашому утриманні: { $relais }.
journal-dependant-hidden-success = { $who } більше не показує людину на вашому утриманні: { $relais }.

# Issue 14, item 6: the people list's filters and lines.
pro-filter-referent = Куратор
pro-filter-no-referent = Без куратора
pro-filter-quiet = Немає контакту
pro-filter-quiet-any = Неважливо
pro-filter-quiet-days = { $days ->
    [one] понад { $days } день
    [few] понад { $days } дні
    [many] понад { $days } днів
   *[other] понад { $days } дня
}
pro-filter-expiring = Документи прострочені або скоро спливають
pro-line-identifier = Ідентифікатор:
pro-line-referent = Куратор: { $name }
pro-line-last-contact = Останній контакт: { $date }
pro-line-no-contact = Звітів ще немає
pro-line-paper-expires = Строк документа спливає { $date }
pro-line-paper-expired = Строк документа сплив { $date }
field-no-contact-days = Кількість днів без контакту
error-input-invalid-days = має бути цілим числом від 1 до 3650.

# Issue 15: the types of papers.
field-type = Вид документа
doc-expiry-hint = Посвідчення особи, паспорт, посвідка на проживання, довідка про домициляцію або про медичне страхування: вкажіть дату закінчення, і ми нагадаємо вам заздалегідь.
doc-expiry-asked = { $type }: цей документ має строк дії. Вкажіть його, і ми нагадаємо вам, поки він не закінчився.
doc-expiry-prompt = Додайте дату закінчення, щоб ми нагадали вам до того, як строк мине.
doc-expiry-prompt-action = Додати дату закінчення
journal-document-type-changed-success = Вид документа «{ $what }» змінено ({ $who }).
paper-identity-card = Посвідчення особи
paper-passport = Паспорт
paper-residence-permit = Посвідка на проживання або розписка
paper-birth-certificate = Свідоцтво про народження
paper-family-record-book = Сімейна книжка
paper-domiciliation-certificate = Довідка про домициляцію
paper-proof-of-address = Підтвердження адреси або проживання
paper-bank-details = Банківські реквізити (RIB)
paper-tax-notice = Податкове повідомлення
paper-payslip = Розрахунковий листок
paper-france-travail-certificate = Довідка France Travail
paper-caf-certificate = Довідка CAF
paper-health-cover-certificate = Довідка про медичне страхування
paper-carte-vitale = Carte Vitale (картка медичного страхування)
paper-medical = Медичний документ
paper-other = Інший документ
# Simulations
section-rights = Мої права
rights-intro = Дізнайтеся, які допомоги ви можете отримувати. Ваші відповіді залишаються у вашому сейфі: їх бачать лише обрані вами організації підтримки.
rights-new = Новий розрахунок
rights-run = Дізнатися мої права
rights-past = Зроблені розрахунки
rights-made-by = { $date }, { $who }
rights-month = Місяць розрахунку
rights-household = Родина
rights-couple = Я живу з партнером
rights-partner-birth = З партнером: дата народження партнера
rights-pregnant = Я вагітна
rights-children = Діти на моєму утриманні
rights-children-hint = Дата народження кожної дитини; інші рядки залиште порожніми.
rights-child = Дитина { $n }: дата народження
rights-nationality = Громадянство і документи
rights-nationality-fr = Французьке
rights-nationality-eu = Європейський Союз, ЄЕЗ або Швейцарія
rights-nationality-other = Інша країна
rights-permit-years = Для іншої країни: скільки років з посвідкою на проживання у Франції
rights-refugee = Біженка або додатковий захист
rights-student = Я студент
rights-housing = Житло
rights-housing-homeless = Без житла (вулиця, машина, сквот)
rights-housing-hosted-free = Живу безкоштовно в інших (родина, друзі)
rights-housing-shelter = Екстрений притулок, готель через 115, CHRS
rights-housing-tenant = Орендар: я плачу за житло
rights-rent = Орендар: місячна плата без комунальних (€)
rights-commune = Орендар: код комуни (INSEE, 5 знаків)
rights-resources = Доходи за останні три місяці
rights-resources-hint = Суми на руки, як у розрахунковому листку чи листі. Залиште порожнім, якщо нічого не було.
rights-resources-me = Мої доходи
rights-resources-partner = Доходи партнера
rights-month-1 = 3 місяці тому
rights-month-2 = 2 місяці тому
rights-month-3 = Минулий місяць
rights-kind-wages = Зарплата
rights-kind-unemployment = Допомога з безробіття (France Travail)
rights-kind-pension = Пенсія за віком
rights-kind-sick-pay = Лікарняні
rights-kind-aah = Допомога дорослим з інвалідністю (AAH)
rights-kind-family-benefits = Сімейні допомоги
rights-kind-other = Інші доходи
rights-results = Результати на { $month }
benefit-rsa = RSA (мінімальний дохід)
benefit-prime-activite = Prime d'activité (надбавка тим, хто працює)
benefit-css = Complémentaire santé solidaire (медичне страхування)
benefit-aide-logement = Житлова допомога (APL, ALS)
rights-eligible = Ви можете її отримувати
rights-not-eligible = Не з цими відповідями
rights-amount = { $amount } € на місяць
rights-css-free = безкоштовно
rights-css-participation = з внеском { $amount } € на місяць
rights-out-of-scope = Поза тим, що рахує калькулятор: запитайте свого соціального працівника або CAF.
rights-reason-sick-pay = Лікарняні враховуються по-різному залежно від дати початку лікарняного.
rights-reason-family-benefits = Сімейні допомоги враховуються по-різному залежно від допомоги.
rights-reason-old-age = З 65 років спочатку призначається мінімальна пенсія за віком (ASPA).
rights-reason-not-modelled = Цей випадок не враховується.
rights-reason-commune = Для орендаря потрібні комуна та орендна плата, щоб розрахувати допомогу на житло. Запитайте в CAF або в соціального працівника.
rights-unverified = Перевірити в установі
rights-unverified-residence-in-france = Постійне проживання у Франції (доміциляція, якщо немає житла).
rights-unverified-savings = Заощадження і майно: дохід від них теж враховується.
rights-unverified-eu-right-of-residence = Для громадянина Європи: право на перебування (робота або понад три місяці тут).
rights-unverified-young-active = До 25 років: RSA для працюючої молоді вимагає двох років роботи за останні три роки.
rights-unverified-other-benefits-first = Спочатку треба попросити інші виплати (пенсію, допомогу з безробіття, аліменти).
rights-unverified-recent-separation = Нещодавнє розлучення (менше 18 місяців) збільшує суму для самотнього батька чи матері.
rights-unverified-not-parents-dependent = До 25 років: не бути на утриманні батьків (їхні податки, їхнє житло, виплати від них).
rights-unverified-decent-dwelling = Допомога на житло: гідне житло, де живуть щонайменше вісім місяців на рік, орендоване не в близького родича.
rights-unverified-taxable-resources = Допомога на житло: CAF враховує доходи, задекларовані в податковій, за дванадцять місяців.
rights-unverified-family-benefits-to-claim = Сімейні допомоги, які можна попросити (сімейні допомоги, ASF, PAJE): коли їх виплатять, сума зміниться.
rights-institution = Куди звертатися
rights-institution-caf = CAF (каса сімейних допомог)
rights-institution-cpam = Медичне страхування (CPAM)
rights-teleservice = Подати онлайн
rights-form = Паперовий бланк
rights-documents = Які документи зібрати
rights-scales-note = Оцінка за сумами, чинними в цьому місяці (після останньої відомої індексації — за останніми відомими сумами): вирішує лише установа.
rights-share = Хто бачить цей розрахунок
rights-print = Підсумок для друку
rights-back = Назад до розрахунків
rights-recap = Підсумок моїх прав
rights-recap-made = зроблено { $date }
rights-recap-estimate = Цей підсумок — оцінка, а не рішення. Візьміть його з документами, коли подаватимете заяву.
rights-pro-title = Розрахунок прав
rights-pro-intro = Заповніть разом з людиною: розрахунок зберігається в її сейфі, доступний вашій організації, і вона його бачить.
rights-pro-open = Розрахувати її права
rights-pro-empty = Результати з'являться тут.
rights-field-body = Форма
rights-field-month = Місяць
rights-field-couple = «З партнером»
rights-field-partner = Дата народження партнера
rights-field-children = Діти
rights-field-pregnant = «Вагітна»
rights-field-nationality = Громадянство
rights-field-residence-permit-years = Роки з посвідкою на проживання
rights-field-refugee = «Біженка»
rights-field-student = «Студент»
rights-field-housing = Житло
rights-field-resources = Сума доходу
rights-field-rent = Плата за житло
rights-field-commune-insee = Код комуни
rights-field-birth-date = Дата народження
rights-error-invalid = — неправильне значення: перевірте.
rights-error-required = — обов'язково.
rights-error-unknown-field = — невідоме питання: оновіть сторінку.
rights-error-too-many = — забагато рядків.
rights-error-partner-if-couple = — лише разом з «Я живу з партнером»: позначте його або очистіть відповіді про партнера.
rights-error-month-not-covered = — надто рано: виберіть серпень 2023 року або пізніше.
rights-error-invalid-amount = — має бути сумою в євро, 0 або більше.
rights-error-invalid-number = — має бути кількістю років, 0 або більше.
rights-error-after-month = — пізніше за місяць розрахунку.
simulation-title = розрахунок на { $month }
relais-sees-simulations = Відкриті їй розрахунки прав: { $count }
journal-simulation-created-success = Зроблено розрахунок ваших прав ({ $who }).
journal-simulation-viewed-success = Відкрито { $what } ({ $who }).
journal-simulation-shared-success = Організації підтримки надано доступ: { $what } ({ $who }).
journal-simulation-unshared-success = Закрито доступ: { $what } ({ $who }).

# Proofs (issue 16): the structure's profile, domiciliation, hosting certificates.
action-back = Назад
profile-open = Профіль для довідок
profile-title = Профіль організації для довідок
profile-intro = Ці дані друкуються на довідках, які видає організація (доміциляція, проживання). Вони не таємні.
profile-read-only = Змінити цей профіль може лише адміністратор організації.
profile-approval-hint = Номер акредитації та префектура: лише для акредитованої асоціації (у CCAS чи CIAS їх немає).
field-category = Тип організації
category-ccas = CCAS
category-cias = CIAS
category-association = Акредитована асоціація
category-other = Інше
field-shelter = Житло, яким керує
shelter-none = Немає
shelter-chrs = CHRS
shelter-chu = CHU (екстрене розміщення)
shelter-hotel = Готель
field-postal-address = Поштова адреса
field-mail-address = Адреса отримання пошти (якщо інша)
field-approval-number = Номер акредитації
field-prefecture = Префектура
field-manager-name = Ім'я керівника
field-manager-function = Посада керівника
domiciliation-open = Доміциляція та довідки
domiciliation-title = Доміциляція
domiciliation-intro = Запишіть рішення: офіційні форми (cerfa 16029 і 16030) заповнюються й додаються до її сейфа з доступом для вашої організації.
domiciliation-history = Записані рішення
domiciliation-none = Рішень немає.
domiciliation-first = Перша заява
domiciliation-renewal = Продовження
domiciliation-granted = Надано з { $from } по { $to }
domiciliation-refused = Відмовлено: { $reason }
domiciliation-request-doc = Заява та рішення (cerfa 16029)
domiciliation-certificate-doc = Довідка (cerfa 16030)
domiciliation-record = Записати рішення
domiciliation-grant = Надано
domiciliation-refuse = Відмовлено
domiciliation-save = Записати рішення
field-decision-on = Дата рішення
field-granted = Рішення
field-refusal-reason = Причина відмови
field-birth-place = Місце народження (друкується на формах)
field-since = Проживає з
hosting-title = Довідка про проживання
hosting-intro = Для організації, що надає житло: лист із сьогоднішньою датою, підписаний керівником, додається до її сейфа.
hosting-make = Зробити довідку
error-profile-missing = Профіль організації не заповнено: попросіть адміністратора заповнити його.
error-not-a-shelter = Ця організація не керує житлом: адміністратор може вказати це в профілі.
error-not-a-domiciliation-body = Доміциляцію можуть надавати лише CCAS, CIAS або акредитована асоціація: перевірте профіль організації.
error-input-in-future = не може бути в майбутньому.
journal-domiciliation-recorded-success = Записано рішення про доміциляцію ({ $who }).
journal-domiciliation-viewed-success = Відкрито рішення про доміциляцію ({ $who }).
journal-structure-profile-changed-success = { $who } змінив(ла) профіль організації.
field-logo = Логотип
profile-logo-hint = Зображення PNG або JPEG не більше 256 КБ, друкується вгорі довідок про проживання.
profile-logo-remove = Прибрати логотип
profile-logo-after = Спершу збережіть профіль, потім додайте логотип.
error-input-not-png-or-jpeg = має бути зображенням PNG або JPEG.
## The assembled file (issue 15, item 4)
journal-document-put-in-file-success = «{ $what }» додано до зібраної справи ({ $who }).
journal-file-assembled-success = Справу «{ $what }» зібрано з ваших документів ({ $who }).
file-cover-person = Особа: { $name }
file-cover-date = Складено { $date }
file-cover-pieces = Документи справи
file-cover-missing = Документи, яких бракує
file-cover-hashes = Кожен SHA-256 — відбиток документа, що зберігається в сейфі: той самий документ, завантажений із сейфа, дає той самий відбиток.
file-cover-page = с.
file-default-title = Справа
# Procedures
section-procedures = Мої оформлення
# The one home tile for the simulator and the procedures (one tile keeps her home on a phone's first screen).
home-rights-procedures = Права й оформлення
procedures-intro = Стежте за своїми оформленнями: які документи потрібні для кожного, на якому воно етапі, найближчий термін. Їх бачать лише обрані вами пункти підтримки.
procedures-open = Стежити за оформленнями
procedures-start = Почати оформлення
procedures-start-action = Почати
procedures-choose = Яке оформлення
procedures-history = Моя історія оформлень
procedures-history-pro = Її історія оформлень
procedures-empty = Поки немає оформлень.
procedures-started = розпочато { $date }
procedures-closed-on = завершено { $date }
procedure-rsa = RSA (допомога активної солідарності)
procedure-css = Complémentaire santé solidaire (медичне страхування)
procedure-aide-logement = Допомога на житло (APL, ALS)
procedure-domiciliation = Доміциляція (адреса для пошти)
procedure-residence-permit-renewal = Продовження посвідки на проживання
procedure-identity-document = Посвідчення особи або паспорт
procedure-france-travail-registration = Реєстрація у France Travail (шукач роботи)
procedure-ame = AME (державна медична допомога)
procedure-status-to-prepare = Підготувати
procedure-status-filed = Подано
procedure-status-being-processed = На розгляді
procedure-status-granted = Схвалено
procedure-status-refused = Відмовлено
procedure-status-abandoned = Скасовано
procedure-status = Етап
procedure-status-change = Змінити етап
procedure-changes = Зміни
procedure-deadline = Найближчий термін
procedure-deadline-on = Термін { $date }
procedure-deadline-none = Терміну немає
procedure-deadline-save = Зберегти термін
procedure-deadline-hint = Ми надішлемо SMS за тиждень і за день, не називаючи оформлення.
procedure-receipt = Розписка про подання
procedure-receipt-none = Розписку не додано
procedure-receipt-attach = Додати розписку
procedure-receipt-choose = Документ, що підтверджує подання
procedure-checklist = Документи, які треба зібрати
procedure-line-present = Є
procedure-line-missing = Немає
procedure-line-expired = Прострочено: оновіть
procedure-add-paper = Додати цей документ
procedure-source = Офіційна довідка
procedure-share = Хто бачить це оформлення
procedure-back = Назад до оформлень
procedures-pro-title = Її оформлення
procedures-pro-intro = Почніть оформлення разом з людиною і стежте за ним: воно зберігається в її сейфі, доступне вашій структурі, і вона його бачить.
procedures-pro-open = Її оформлення
procedure-field-body = Форма
procedure-field-code = Оформлення
procedure-field-status = Етап
procedure-field-deadline-on = Термін
procedure-field-receipt-document-id = Розписка
procedure-error-invalid-date = не є датою: напишіть день, місяць, рік.
procedure-file = Повне досьє
procedure-file-intro = Один PDF з наявними документами: титульна сторінка з переліком документів і їхніми відбитками, відсутні позначено. Його додають до сейфа.
procedure-file-watermark = Напис на кожній сторінці
procedure-file-watermark-hint = Наприклад: copie pour la CAF, 3 décembre 2026. Латинськими літерами.
procedure-file-build = Зібрати досьє
procedure-file-none = Спочатку додайте хоча б один документ зі списку.
procedure-field-watermark = Напис
procedure-field-documents = Досьє
procedure-error-watermark-script = пишеться лише латинськими літерами: у PDF немає інших абеток.
procedure-error-too-long = задовгий: не більше 120 символів.
sms-procedure-deadline = Consigne: термін одного з ваших оформлень — { $date }. Увійдіть, щоб переглянути.
journal-procedure-created-success = { $who } розпочав(ла) оформлення у вашому сейфі.
journal-procedure-viewed-success = { $who } відкрив(ла) оформлення { $what }.
journal-procedure-updated-success = { $who } оновив(ла) оформлення { $what }.
journal-procedure-shared-success = { $who } надав(ла) доступ до оформлення { $what } пункту підтримки.
journal-procedure-unshared-success = { $who } закрив(ла) доступ до оформлення { $what }.

## The certification of documents (docs/certification.md)
journal-document-certified-success = Отримано сертифікат документа «{ $what }» ({ $who }).
doc-certificate = Сертифікат цього документа (.json)
doc-certificate-verify = Перевірити сертифікат
certificate-none = Цей документ додано до сертифікації: він не має сертифіката.
certificate-back = Назад до документа
verify-title = Перевірити документ і його сертифікат
verify-intro = Завантажте документ і його сертифікат (.json): ця сторінка перевірить, що документ існував без змін від дати сертифіката.
verify-document = Документ (PDF або фото)
verify-certificate = Його сертифікат (.json)
verify-submit = Перевірити
verify-nothing-stored = Нічого не зберігається: файли читаються й забуваються. Обліковий запис не потрібен.
verify-ok = Сертифікат підтверджує цей документ.
verify-ok-added = Додано { $date }.
verify-ok-head = Записано в реєстр, підписаний { $date } ({ $size } документів).
verify-ok-timestamp = Позначка часу від органу: { $time } (UTC).
verify-key-published = Підписано ключем, який публікує ця платформа.
verify-key-unknown = Увага: підпис зроблено не ключем, який публікує ця платформа.
verify-limits = Це доводить, що ця копія існувала без змін на цю дату. Це не оригінал і не кваліфікована позначка часу eIDAS.
verify-failed = Сертифікат не підтверджує цей документ.
verify-failure-malformed = Цей файл не є читабельним сертифікатом. Завантажте файл .json, отриманий зі сторінки документа.
verify-failure-document-mismatch = Цей документ не той, що в сертифікаті (він змінений або це інший файл).
verify-failure-leaf-mismatch = Сертифікат було змінено. Завантажте його знову.
verify-failure-not-in-tree = Сертифікат було змінено. Завантажте його знову.
verify-failure-bad-signature = Підпис сертифіката неправильний. Завантажте його знову.
verify-failure-timestamp-mismatch = Позначка часу сертифіката не збігається. Завантажте його знову.
verify-missing = Завантажте обидва файли: документ і його сертифікат.
verify-certificate-too-large = Цей файл завеликий для сертифіката. Завантажте файл .json документа.
# Share links (service/links.rs, web/pages/links.rs)
link-section = Посилання для передачі
link-intro = Створіть посилання, щоб показати цей документ людині без облікового запису (у віконці, орендодавцю). Воно перестає працювати, коли минає строк або коли ви його відкликаєте.
link-intro-pro = З її згоди створіть посилання, щоб показати цей документ людині без облікового запису. Вона бачить його у своєму сейфі й може відкликати.
link-none = Немає активних посилань.
link-expires-label = Діє
link-expires-hour = 1 година
link-expires-day = 1 день
link-expires-week = 7 днів
link-expires-month = 30 днів
link-pin-label = PIN-код
link-pin-hint = Від 4 до 8 цифр. Скажіть його усно людині, якій даєте посилання.
link-watermark-label = Водяний знак
link-watermark-hint = Друкується на кожній сторінці, наприклад: копію передано до CAF 3 грудня 2026.
link-consent-label = Вона згодна, щоб я створив це посилання.
link-create = Створити посилання
link-created = Посилання створено. Покажіть QR-код або дайте адресу.
link-address = Адреса посилання
link-qr-hint = Покажіть цей QR-код у віконці: він відкриває документ.
link-qr-label = QR-код посилання
link-until = Діє до { $when }
link-with-pin = З PIN-кодом
link-copy-given = Копію передано: { $text }
link-opened-times = Відкрито { $count } разів
link-made-by-pro = Створено фахівцем вашої організації
link-show-again = Показати адресу й QR-код
link-revoke = Відкликати
link-all-title = Мої посилання для передачі
link-all-none = У вас немає активних посилань.
link-page-intro = Документ, яким з вами поділилися через Consigne.
link-view = Відкрити документ
link-pin-ask = Введіть PIN-код, який вам сказала людина.
link-pin-wrong = Неправильний PIN-код. Перевірте його з людиною та спробуйте ще раз.
link-back-document = Назад до документа
notice-link-revoked = Посилання відкликано: воно більше не працює.
field-pin = PIN-код
field-expires-in-minutes = Строк дії
field-watermark = Водяний знак
error-input-invalid-pin = має містити від 4 до 8 цифр.
error-input-invalid-link-expiry = має бути від 1 години до 30 днів.
journal-share-link-created-success = { $who }: створено посилання на «{ $what }».
journal-share-link-revoked-success = { $who }: відкликано посилання на «{ $what }».
journal-share-link-opened-success = Хтось відкрив «{ $what }» за посиланням для передачі.

## Structure news (issue 17)
news-title = Новини
news-intro = Коротка інформація для людей, яких супроводжує організація: години роботи, майстер-клас, документ, який треба принести. Вона з'являється на їхній головній сторінці, їхньою мовою, якщо ви її написали. Не пишіть нічого особистого.
news-new = Нова новина
news-text = Текст
news-text-hint = Не більше 1000 символів.
news-translations = Додати інші мови
news-translations-hint = Кожна людина читає текст своєю мовою, якщо він є, інакше текст вище.
news-audience = Для кого
news-audience-all = Усі люди, яких супроводжують
news-audience-referent = Люди, чий куратор — { $name }
news-days = Показувати
news-days-count = { $count ->
    [one] { $count } день
    [few] { $count } дні
    [many] { $count } днів
   *[other] { $count } дня
}
news-post = Опублікувати
news-shown = Новини, що показуються
news-none = Новин немає.
news-posted-by = { $name }, { $date }
news-reached = { $count ->
    [one] { $count } людина
    [few] { $count } людини
    [many] { $count } людей
   *[other] { $count } людини
}
news-until = до { $date }
news-delete = Прибрати
news-her-title = Новини від ваших організацій
news-dismiss = Сховати
journal-news-posted-success = { $who } опублікував(ла) новину.
journal-news-deleted-success = { $who } прибрав(ла) новину.
# Reading aid: the label of the button that reads a page title or a home tile aloud.
read-aloud = Прослухати: { $text }
# Messages with the relais (issue 17)
messages-title = Повідомлення
messages-emergency = Не для екстрених випадків: телефонуйте 115 (житло), 15 (медична допомога), 17 (поліція).
messages-no-relais = У вас поки немає організації, якій можна написати.
messages-unread =
    { $count ->
    [one] { $count } нове
    [few] { $count } нових
   *[other] { $count } нових
}
messages-last = Останнє повідомлення: { $when }
messages-closed = Закрито
messages-write-to = Написати до { $name }
messages-text = Ваше повідомлення
messages-send = Надіслати
messages-seen = Прочитано
messages-read-by = Прочитали: { $names }
messages-from-team = { $name } ({ $structure })
messages-from-person = Людина
messages-from-you = Ви
messages-document-gone = Документ більше недоступний
messages-thread-title = Повідомлення з { $name }
messages-thread-pro-title = Повідомлення з людиною
messages-none = Повідомлень поки немає.
messages-answer = Написати повідомлення
messages-attach-document = Додати документ із сейфа
messages-no-document = Без документа
messages-attach-photo = Або додати фото чи PDF
messages-attach-hint = Він потрапить до вашого сейфа і буде доступний цій організації.
messages-attach-hint-pro = Він потрапить до сейфа людини і буде доступний вашій організації.
messages-closed-hint = Цю розмову закрито.
messages-close = Закрити цю розмову
messages-back = Назад до повідомлень
messages-back-inbox = Назад до повідомлень команди
messages-inbox-title = Повідомлення команди
messages-inbox-empty = Повідомлень поки немає.
notice-sent = Повідомлення надіслано.
error-thread-closed = Цю розмову закрито: спершу людина має написати знову.
field-text = Повідомлення
field-structure-id = Організація
sms-new-message = У вас нове повідомлення в Consigne.
journal-message-sent-success = { $who } написав(ла) до { $relais }.
journal-message-written-success = { $who } ({ $relais }) написав(ла) вам.
journal-messages-read-success = Команда { $relais } прочитала ваші повідомлення.
journal-thread-closed-success = { $who } закрив(ла) розмову з { $relais }.
