# Consigne — русский каталог. Каждый id совпадает с fr.ftl (это проверяет тест).
# "relais" = "организация поддержки". Обращение на «вы».

skip-to-content = Перейти к содержимому
language-label = Язык
action-change-language = OK
action-logout = Выйти
demo-banner = Демоверсия: специалисты и администраторы входят без второго фактора. Не храните здесь настоящие документы.
footer-text = Consigne — ваши документы в безопасности. Вы решаете, кто что видит.

error-title = Что-то пошло не так
not-found-title = Страница не найдена
not-found-text = Этой страницы нет, или у вас нет к ней доступа.
action-back-home = На главную

error-invalid-credentials = Неверный логин или пароль. Проверьте и попробуйте ещё раз. Забыли пароль? Используйте код восстановления или обратитесь в свою организацию поддержки.
error-throttled = { $minutes ->
    [one] Слишком много попыток. Подождите { $minutes } минуту и попробуйте снова.
    [few] Слишком много попыток. Подождите { $minutes } минуты и попробуйте снова.
    [many] Слишком много попыток. Подождите { $minutes } минут и попробуйте снова.
   *[other] Слишком много попыток. Подождите { $minutes } минуты и попробуйте снова.
}
error-wrong-code = Неверный код. Введите 6 цифр, которые сейчас показывает ваше приложение.
error-not-found = Не найдено.
error-forbidden = Ваша учётная запись не может этого сделать.
error-access-pending = Коллега из вашей организации должен один раз войти, чтобы открыть вам доступ к её делам.
error-consent = Поставьте галочку, чтобы подтвердить согласие человека.
error-email-taken = С этим адресом эл. почты уже есть учётная запись.
error-storage-full = Хранилище заполнено. Попробуйте позже или сообщите своей организации поддержки.
error-session-expired = Вы вышли из системы. Войдите снова.
error-internal = У нас что-то пошло не так. Попробуйте ещё раз через минуту.
error-form-expired = Срок действия формы истёк. Попробуйте ещё раз.
error-password-too-short = Пароль слишком короткий: нужно не меньше 8 символов.
error-password-too-long = Пароль слишком длинный.
error-password-too-weak = Пароль слишком легко угадать. Фраза из нескольких слов надёжна и легко запоминается.
error-password-common = Пароль слишком распространённый. Выберите фразу, которую знаете только вы.
error-password-personal = Пароль не должен содержать ваше имя или дату рождения.
# Эти сообщения идут после названия поля: «Имя — обязательное поле.»
error-input-required = — обязательное поле.
error-input-invalid-name = — неверное значение.
error-input-invalid-date = — неверная дата (день/месяц/год).
error-input-invalid-email = — неверный адрес эл. почты.
error-input-too-long = — слишком длинный текст.
error-input-invalid-phone = — неверный номер. Наберите его, например, так: 06 12 34 56 78, +44 20 7946 0958 или 115.
error-input-unsupported-language = — этот язык недоступен.
error-input-invalid-kind = — неверное значение.
error-input-invalid-role = — неверное значение.
error-input-invalid-identifier = — неверный логин, нужно латинскими буквами, например: amina.benali.14021990
error-input-invalid-amount = — нужно целое число евро.

field-first-name = Имя
field-last-name = Фамилия
field-birth-date = Дата рождения
field-phone = Телефон
field-language = Язык
field-email = Эл. почта
field-display-name = Имя
field-name = Название
field-city = Город
field-kind = Тип
field-role = Роль
field-identifier = Логин
field-password = Пароль
field-annual-budget-eur = Годовой бюджет (евро)
field-budget = Годовой бюджет (евро)
field-structure-name = Название организации
field-structure-kind = Тип организации
optional = (необязательно)
password-rules = Не меньше 8 символов. Лучше всего — фраза из нескольких слов. Без имени и даты рождения.

login-title = Вход
login-identifier = Логин
login-identifier-hint = Пример: amina.benali.14021990 (имя.фамилия.ДДММГГГГ латинскими буквами; специалисты: ваша эл. почта)
login-password = Пароль
action-login = Войти
login-forgot = Забыли пароль?
login-no-account = Ещё нет сейфа? Организация-партнёр (дневной центр, CCAS, ассоциация) может открыть его вместе с вами.

totp-title = Код безопасности
totp-code = 6-значный код из вашего приложения-аутентификатора
action-continue = Продолжить
enroll-title = Включить второй фактор
enroll-text = Отсканируйте этот код приложением-аутентификатором (например, FreeOTP или Aegis), затем введите 6 цифр, которые оно покажет.
enroll-manual = Не получается отсканировать? Введите этот ключ в приложении:
action-confirm = Подтвердить
action-retry = Попробовать снова

recover-title = Восстановление пароля
recover-text = Используйте код восстановления, напечатанный на вашем листе, чтобы выбрать новый пароль.
recover-source = Какой у вас код?
recover-source-sheet = Код с моего листа восстановления
recover-source-relay = Код, который мне только что дала моя организация поддержки
recover-code = Код восстановления
recover-code-hint = Код с вашего листа, например ABCD-EFGH-…
recover-new-password = Новый пароль
action-recover = Выбрать этот пароль
recover-no-code = Нет кода? Обратитесь в свою организацию поддержки: социальный работник поможет вам на месте.
recover-done-title = Новый пароль сохранён
action-print = Распечатать

logout-title = Вы вышли
logout-text = На этом устройстве не осталось ничего из вашего сейфа. Можно закрыть эту страницу.

home-title = Мой сейф
home-hello = Здравствуйте, { $name }
home-sections = Мои разделы
# [1] — ровно одна; категория one также включает 21, 31…
home-invitations = { $count ->
    [1] Одна организация хочет вас сопровождать.
    [one] { $count } организация хочет вас сопровождать.
    [few] { $count } организации хотят вас сопровождать.
    [many] { $count } организаций хотят вас сопровождать.
   *[other] { $count } организации хотят вас сопровождать.
}
notice-failed-logins = { $count ->
    [1] С вашего последнего визита кто-то один раз безуспешно пытался войти в ваш сейф.
    [one] С вашего последнего визита кто-то { $count } раз безуспешно пытался войти в ваш сейф.
    [few] С вашего последнего визита кто-то { $count } раза безуспешно пытался войти в ваш сейф.
    [many] С вашего последнего визита кто-то { $count } раз безуспешно пытался войти в ваш сейф.
   *[other] С вашего последнего визита кто-то { $count } раза безуспешно пытался войти в ваш сейф.
} Если это были не вы, смените пароль в разделе «Моя учётная запись».
notice-recovered = Ваш пароль был изменён с помощью кода восстановления { $date }. Если это были не вы, срочно обратитесь в свою организацию поддержки.
notice-password-changed = Ваш пароль был изменён { $date }. Если это были не вы, срочно обратитесь в свою организацию поддержки.
action-see = Открыть
section-relais = Мои организации поддержки
section-settings = Моя учётная запись

relais-intro = Организации поддержки — это организации, которые вас сопровождают. Для каждой вы видите, что она может видеть.
relais-none = Пока у вас нет организаций поддержки.
relais-since = С { $date }
relais-recovery = Эта организация поддержки может помочь вам восстановить доступ на месте.
relais-sees = Что видит эта организация поддержки:
relais-sees-identity = Ваши имя, дату рождения, телефон и язык.
action-leave = Покинуть эту организацию поддержки
reset-title = Сброс пароля на месте
action-start-reset = Начать сброс
reset-give = Передайте этот код человеку (запишите или распечатайте его). Вы никогда не видите и не выбираете его пароль.
reset-step-1 = На странице входа человек выбирает «Забыли пароль?».
reset-step-2 = Он вводит свой логин, отмечает «Код, который мне только что дала моя организация поддержки» и вводит этот код.
reset-valid-until = Действует один раз, до { $date }
reset-not-recovery-relay = Ваша организация не входит в число организаций поддержки, которые человек выбрал для восстановления доступа. Он может выбрать её в разделе «Мои организации поддержки».
action-recovery-on = Разрешить этой организации поддержки помогать мне вернуть доступ к сейфу
action-recovery-off = Больше не разрешать этой организации поддержки помогать мне вернуть доступ к сейфу
invitations-title = Приглашения
invitation-text = { $structure } хочет вас сопровождать.
action-accept = Принять
action-decline = Отклонить
leave-question = Покинуть { $structure }?
leave-text = Эта организация больше ничего не увидит в вашем сейфе. Позже она сможет снова вас пригласить.
action-leave-confirm = Да, покинуть
action-cancel = Отмена

settings-language = Язык
settings-password = Пароль
settings-current-password = Текущий пароль
settings-new-password = Новый пароль
settings-password-changed = Пароль изменён. Ваши другие сеансы закрыты.
action-save = Сохранить

pro-title = Моя организация
pro-no-structure = Вы пока не состоите ни в одной организации.
pro-mediation = Организация-посредник: вы можете открывать сейфы, но не видите ничьё содержимое.
pro-followed = { $count ->
    [one] { $count } человек на сопровождении
    [few] { $count } человека на сопровождении
    [many] { $count } человек на сопровождении
   *[other] { $count } человека на сопровождении
}
pro-followed-none = Пока никого.
pro-invite-label = Пригласить человека, у которого уже есть сейф (логин)
action-invite = Пригласить
action-open-safe = Открыть сейф
team-title = Команда
invite-sent-title = Приглашение отправлено
invite-sent-text = Если такой логин существует, человек увидит приглашение при следующем входе.

open-title = Открыть сейф
open-intro = Вместе с человеком и с его согласия. Он будет входить по своему логину и паролю.
open-password-legend = Пароль
open-password-typed = Человек сам вводит пароль
open-password-generate = Создать фразу-пароль из 5 слов
open-password-field = Пароль, введённый человеком
open-consent = Человек согласен иметь сейф, и ему объяснили, кто что может видеть.

sheet-title = Лист восстановления
sheet-identifier = Логин
sheet-recovery-code = Код восстановления
sheet-lost-title = Если вы забыли пароль
sheet-lost-1 = Откройте { $address } (или отсканируйте код) и выберите «{ $forgot }».
sheet-lost-2 = Введите логин и этот код восстановления, затем выберите новый пароль.
sheet-lost-3 = Нет листа? Обратитесь в свою организацию поддержки: социальный работник поможет вам на месте.
sheet-keep = Храните этот лист в надёжном месте, отдельно от телефона. Никто в Consigne не может прочитать ваш сейф.
sheet-passphrase-title = Пароль
sheet-passphrase-text = Покажите этот пароль человеку, чтобы он его запомнил или записал. Он не печатается.
sheet-print-hint = Чтобы распечатать, используйте меню «Печать» в браузере.
action-done = Готово

team-empty = Пока нет ни одного специалиста.
team-pending = доступ ожидается
team-add = Добавить специалиста
team-initial-password = Начальный пароль
team-added = { $name } теперь в команде.
role-member = Участник
role-admin = Администратор организации
action-add = Добавить

admin-title = Организации
admin-structures = Организации-партнёры
admin-no-structure = Пока нет ни одной организации.
admin-create = Зарегистрировать организацию
structure-kind-relay = Поддержка (сопровождает людей)
structure-kind-mediation = Посредничество (открывает сейфы, не видит содержимое)
action-create = Зарегистрировать

# Documents and journal
section-documents = Мои документы
section-journal = Мой журнал
doc-folders = Папки
doc-none = Здесь пока нет документов. Сфотографируйте документ или добавьте файл ниже.
doc-none-shared = Человек не открыл вашей организации доступ ни к одному документу.
doc-shared-with-you = Документы, доступные вашей организации
doc-type-pdf = PDF
doc-type-photo = Фото
doc-expires = действует до { $date }
doc-add-title = Добавить файл
doc-file = Файл
doc-file-hint = Фотография (JPEG, PNG, WebP) или PDF, не больше { $max } МБ.
doc-name = Название документа
doc-add-submit = Добавить в мой сейф
doc-new-folder = Новая папка
doc-folder-name = Название папки
doc-folder = Папка
doc-expiry = Срок действия до
doc-edit = Название, вид, папка, срок действия
doc-download = Скачать
doc-shared-computer-warning = На общем компьютере скачанный файл остаётся в папке «Загрузки»: удалите его после использования.
doc-who-sees = Кто видит этот документ
doc-private-no-relais = Только вы: у вас нет организаций поддержки.
doc-share-legend = Открыть доступ моим организациям поддержки
doc-added-by = Добавлено { $date } ({ $who }).
doc-delete = Удалить этот документ
doc-delete-question = Удалить «{ $name }»?
doc-delete-text = Документ будет удалён навсегда — и для вас, и для ваших организаций поддержки.
doc-delete-confirm = Да, удалить
doc-no-preview = Для этого документа нет предпросмотра. Скачайте его, чтобы прочитать.
doc-pages = Страницы документа
doc-page-alt = Страница { $n } из { $total }
doc-pages-partial = Показаны первые страницы: { $shown } из { $total }. Скачайте документ, чтобы увидеть остальные.
pro-doc-back = Назад к карточке человека
relais-sees-documents = { $count ->
    [one] { $count } документ, к которому вы открыли ей доступ.
    [few] { $count } документа, к которым вы открыли ей доступ.
    [many] { $count } документов, к которым вы открыли ей доступ.
   *[other] { $count } документа, к которым вы открыли ей доступ.
}
error-unsupported-type = Этот тип файла не принимается. Отправьте фотографию (JPEG, PNG, WebP) или PDF.
error-file-too-large = Файл слишком большой (не больше { $max } МБ). Сделайте новую фотографию или обратитесь в свою организацию поддержки.
error-pdf-not-checkable = Этот PDF слишком большой, чтобы очистить его здесь (больше { $max } МБ), и в нём есть скрипты, вложенные файлы или части, которые мы не можем проверить. Сохраните его заново в PDF («Печать», затем «Сохранить как PDF») или отправьте несколькими файлами поменьше.
error-photo-too-large = Эта фотография слишком большая (больше { $max } МБ). Сделайте её заново с меньшим разрешением или отправьте в виде PDF.
error-too-many-files = Слишком много фотографий за раз (не больше 20).
error-quota = Ваш сейф заполнен. Удалите документы, которые вам больше не нужны.
error-input-damaged-file = — повреждённый или неполный файл. Попробуйте другую копию.
error-input-malformed-upload = — загрузка не завершилась. Попробуйте ещё раз.
field-file = Файл
journal-intro = Всё, что происходило в вашем сейфе: кто что открывал или менял и когда.
journal-you = вы
journal-someone = кто-то
journal-deleted-document = удалённый документ
journal-login-success = Вход ({ $who }).
journal-login-failure = Кто-то безуспешно пытался войти в ваш сейф.
journal-safe-opened-success = Ваш сейф открыт ({ $who }).
journal-profile-viewed-success = Просмотр ваших данных ({ $who }).
journal-invitation-sent-success = Вам отправлено приглашение на сопровождение ({ $who }).
journal-invitation-accepted-success = Приглашение принято ({ $who }).
journal-invitation-declined-success = Приглашение отклонено ({ $who }).
journal-relay-left-success = Выход из организации поддержки ({ $who }).
journal-password-changed-success = Пароль изменён ({ $who }).
journal-recovered-with-code-success = Пароль изменён с помощью кода восстановления.
journal-recovered-in-person-success = Пароль изменён в вашей организации поддержки.
journal-reset-started-success = { $who }: запрошен сброс вашего пароля.
journal-recovery-relay-added-success = Организация поддержки теперь может помочь восстановить доступ ({ $who }).
journal-recovery-relay-removed-success = Организация поддержки больше не может помочь восстановить доступ ({ $who }).
journal-document-uploaded-success = Документ «{ $what }» добавлен ({ $who }).
journal-document-viewed-success = Документ «{ $what }» просмотрен ({ $who }).
journal-document-downloaded-success = Документ «{ $what }» скачан ({ $who }).
journal-document-renamed-success = Документ «{ $what }» переименован ({ $who }).
journal-document-moved-success = Документ «{ $what }» перемещён ({ $who }).
journal-document-expiry-set-success = Срок действия документа «{ $what }» изменён ({ $who }).
journal-document-deleted-success = Документ удалён ({ $who }).
journal-document-shared-success = Организации поддержки открыт доступ к документу «{ $what }» ({ $who }).
journal-document-unshared-success = Доступ к документу «{ $what }» закрыт ({ $who }).
journal-viewed-times = { $count ->
    [few] «{ $what }» просмотрено { $count } раза ({ $who }).
   *[other] «{ $what }» просмотрено { $count } раз ({ $who }).
}
journal-shared-with = Доступ к «{ $what }» открыт для { $relais } ({ $who }).
journal-unshared-with = Доступ к «{ $what }» для { $relais } закрыт ({ $who }).
journal-folder-created-success = Папка создана ({ $who }).
journal-folder-deleted-success = Папка удалена ({ $who }).
journal-document-exported-success = Документ «{ $what }» включён в выгрузку сейфа ({ $who }).
export-title = Забрать всё с собой
export-text = Один файл (ZIP) со всеми вашими документами, файлом data.json со всем остальным и списком контрольных сумм, чтобы проверить, что ничего не изменилось.
export-download = Скачать мой сейф
delete-account-title = Удалить мой сейф
delete-account-text = Всё будет удалено навсегда: ваши документы, связи с организациями поддержки, ваша учётная запись. Если хотите сохранить копию, сначала скачайте свой сейф.
delete-account-password = Ваш пароль для подтверждения
delete-account-confirm = Удалить всё
delete-account-done-title = Ваш сейф удалён
delete-account-done-text = От него ничего не осталось. Организация-партнёр может в любой момент открыть вместе с вами новый сейф.
doc-page-up = Переместить страницу выше
doc-page-down = Переместить страницу ниже
doc-folder-edit = Переименовать или переместить папку
doc-folder-delete-hint = Её содержимое вернётся в «Мои документы»: ни один документ не пропадёт.
doc-folder-delete = Удалить эту папку
error-folder-cycle = Папку нельзя поместить в её собственную вложенную папку.

## Contacts, notes and appointments
section-contacts = Мои контакты
section-notes = Мои заметки
section-events = Мои встречи
contact-add = Добавить контакт
note-add = Добавить заметку
event-add = Добавить встречу
contact-none = Контактов пока нет.
note-none = Заметок пока нет.
event-none = Встреч пока нет.
contact-none-shared = Человек не открыл вашей организации доступ ни к одному контакту.
note-none-shared = Человек не открыл вашей организации доступ ни к одной заметке.
event-none-shared = Человек не открыл вашей организации доступ ни к одной встрече.
contact-shared-with-you = Контакты, открытые вашей организации
note-shared-with-you = Заметки, открытые вашей организации
event-shared-with-you = Встречи, открытые вашей организации
note-list-hint = Текст заметки здесь скрыт: откройте заметку, чтобы прочитать его.
event-upcoming = Предстоящие
event-past = Прошедшие
event-reminder-1440 = SMS за 1 день
event-reminder-120 = SMS за 2 часа
event-reminder-minutes = SMS за { $minutes } мин.
item-edit = Изменить
item-delete = Удалить
item-delete-question = Удалить «{ $name }»?
item-delete-text = Это будет стёрто навсегда — для вас и для ваших организаций поддержки.
item-delete-confirm = Да, удалить
item-who-sees = Кто это видит
item-added-by = Добавлено: { $who }, { $date }.
item-back-to-file = Назад к делу человека
field-title = Название
field-body = Текст
field-address = Адрес
field-comment = Комментарий
field-date = Дата
field-time = Время
field-starts-at = Дата и время
field-location = Место
field-reminders = Напоминания
error-input-invalid = — неверное значение.
error-input-invalid-datetime = — неверные дата и время.
error-input-invalid-reminder = — неверное напоминание.
error-input-too-many-reminders = — не больше 5 напоминаний.
relais-sees-contacts = Открытые ей контакты: { $count }
relais-sees-notes = Открытые ей заметки: { $count }
relais-sees-events = Открытые ей встречи: { $count }
journal-deleted-item = уже удалённая запись
journal-contact-created-success = Контакт «{ $what }» добавлен ({ $who }).
journal-contact-viewed-success = Контакт «{ $what }» открыт ({ $who }).
journal-contact-updated-success = Контакт «{ $what }» изменён ({ $who }).
journal-contact-deleted-success = Контакт удалён ({ $who }).
journal-contact-shared-success = Организации поддержки открыт доступ к контакту «{ $what }» ({ $who }).
journal-contact-unshared-success = Доступ к контакту «{ $what }» закрыт ({ $who }).
journal-note-created-success = Заметка «{ $what }» добавлена ({ $who }).
journal-note-viewed-success = Заметка «{ $what }» открыта ({ $who }).
journal-note-updated-success = Заметка «{ $what }» изменена ({ $who }).
journal-note-deleted-success = Заметка удалена ({ $who }).
journal-note-shared-success = Организации поддержки открыт доступ к заметке «{ $what }» ({ $who }).
journal-note-unshared-success = Доступ к заметке «{ $what }» закрыт ({ $who }).
journal-event-created-success = Встреча «{ $what }» добавлена ({ $who }).
journal-event-viewed-success = Встреча «{ $what }» открыта ({ $who }).
journal-event-updated-success = Встреча «{ $what }» изменена ({ $who }).
journal-event-deleted-success = Встреча удалена ({ $who }).
journal-event-shared-success = Организации поддержки открыт доступ к встрече «{ $what }» ({ $who }).
journal-event-unshared-success = Доступ к встрече «{ $what }» закрыт ({ $who }).
sms-event-reminder = Consigne: у вас встреча { $date } в { $time }. Подробности в вашем сейфе.
sms-expiry-reminder = Consigne: срок одного из ваших документов истекает через { $days } дн. Откройте сейф, чтобы вовремя его продлить.
reminder-status-scheduled = запланировано
reminder-status-sent = отправлено
reminder-status-delivered = получено
reminder-status-failed = не получено
home-expiring-title = Документы, которые скоро нужно продлить
home-expiring-item = { $name }: истекает { $date }
home-expired-item = { $name }: истёк { $date }
home-expiring-more = … и ещё { $count }: смотреть мои документы
agenda-download = Скачать мой ежедневник (файл .ics)
contacts-download = Скачать мои контакты (файл .vcf)
feed-title = Мои встречи в телефоне
feed-open = Показывать мои встречи в календаре телефона
feed-intro = Календарь вашего телефона может показывать ваши встречи и обновлять их. Он использует личную ссылку: никому её не давайте.
feed-none = У вас пока нет личной ссылки.
feed-create = Создать мою личную ссылку
feed-created = Ваша личная ссылка готова.
feed-subscribe = Добавить в календарь телефона
feed-link-label = Моя личная ссылка
feed-qr-hint = Или отсканируйте этот код телефоном.
feed-warning = Любой, у кого есть эта ссылка, видит ваши встречи (но не документы). Если вы дали её по ошибке, остановите её.
feed-hidden = Эту ссылку больше нельзя показать здесь. Создайте новую, если нужно.
feed-last-read = Последнее чтение календарём: { $when }
feed-never-read = Ни один календарь её ещё не читал.
feed-renew = Создать новую ссылку (старая перестанет работать)
feed-revoke = Остановить эту ссылку
feed-revoked = Ссылка остановлена. Ни один календарь больше не может читать по ней ваши встречи.
journal-calendar-feed-created-success = { $who }: создана личная ссылка календаря.
journal-calendar-feed-revoked-success = { $who }: личная ссылка календаря остановлена.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = Вашей служебной учётной записи нужен второй фактор. Продолжите, чтобы получить ключ для приложения-аутентификатора.
# issue 11: members
error-access-pending-approval = Сначала администратор вашей организации, у которого есть её ключ, должен одобрить ваш доступ.
error-account-deactivated = Ваша организация отключила эту учётную запись. Если это ошибка, обратитесь к её администратору.
error-last-key-holder = Это последний сотрудник, у которого есть ключ организации: сначала одобрите другого сотрудника, иначе никто не сможет открыть то, чем люди делятся с организацией.
error-member-not-pending = Этот сотрудник больше не ждёт одобрения.
error-key-not-held = У вас пока нет ключа организации.
team-pending-title = Ожидают одобрения
team-approve-hint = Одобряйте только коллегу, которого знаете, проверив это с ним лично: одобрение даёт ему ключ ко всему, чем люди делятся с организацией.
team-pending-hint = Прежде чем эти сотрудники что-либо увидят, их должен одобрить администратор организации, у которого есть её ключ.
team-requested = Запросил(а) { $name }, { $date }
team-requested-unknown = кто-то
team-approve = Одобрить
team-refuse = Отклонить
team-no-key = без ключа
team-deactivate = Отключить
team-deactivate-hint = Отключение сотрудника сразу завершает его сеансы, закрывает ему доступ и обновляет ключ организации. В журналах он остаётся.
team-former-title = Бывшие сотрудники
team-deactivated-on = отключён { $date }
team-add-pending-hint = У вас нет ключа организации: новый сотрудник будет ждать, пока его одобрит администратор, у которого есть ключ.
team-added-pending = { $name } добавлен(а) и ждёт одобрения администратора.
team-approved = Сотрудник одобрен: теперь у него есть доступ к делам организации.
team-deactivated = Сотрудник отключён: его сеансы завершены, ключ организации обновляется.
journal-member-added-success = { $who } добавил(а) сотрудника в организацию.
journal-member-requested-success = { $who } запросил(а) добавление сотрудника в организацию.
journal-member-approved-success = { $who } одобрил(а) сотрудника организации.
journal-member-deactivated-success = { $who } отключил(а) сотрудника организации.
journal-structure-key-rotated-success = Ключ организации обновлён.
# issue 11: reset
reset-intro-confirmed = Человек потерял пароль и лист восстановления? Когда он рядом с вами, запросите сброс. Коллега из вашей организации должен его подтвердить; затем код передаётся человеку, и он сам выбирает новый пароль.
reset-awaiting-text = Сброс запрошен. Коллега из вашей организации должен подтвердить его на своей главной странице: тогда ему будет показан код, чтобы передать его человеку.
reset-delayed-text = Вы единственный член своей организации, кто может его подтвердить. Для защиты человека код можно создать только начиная с { $date }. Приходите с ним тогда: запрос будет на вашей главной странице.
reset-she-is-told = Человек предупреждён (по SMS, если известен его номер, и на его странице). Он может отменить сброс.
reset-step-3-new-sheet = Он выбирает новый пароль, входит и печатает новый лист восстановления.
resets-pending-title = Сбросы, ожидающие подтверждения
resets-pending-item = { $person }: запрошен { $who } { $date }.
resets-confirmed = Уже подтверждён: код был выдан один раз.
resets-delayed-until = Только вы можете его подтвердить, начиная с { $date }.
resets-needs-colleague = Его должен подтвердить другой член организации.
action-confirm-reset = Подтвердить и показать код
action-cancel-reset = Отменить этот сброс
notice-reset-started = { $date } в организации «{ $structure }» был запрошен сброс вашего пароля.
notice-reset-delayed = Его нельзя использовать до { $date }.
notice-reset-not-you = Если вы его не запрашивали, отмените его сейчас.
notice-new-sheet = Ваш код восстановления больше не действует. Распечатайте сейчас новый лист восстановления и храните его в надёжном месте.
action-new-sheet = Создать мой новый лист восстановления
new-sheet-title = Новый лист восстановления
new-sheet-text = Будет создан новый код восстановления; старый перестанет действовать. Распечатайте лист или запишите код и храните его в надёжном месте, не вместе с телефоном.
new-sheet-login-again = Для вашей защиты выйдите и войдите снова, затем вернитесь, чтобы создать лист.
phone-title = Мой номер телефона
phone-text = Он нужен только для напоминаний и сообщений о безопасности (например, если кто-то запросит сброс вашего пароля). Оставьте поле пустым, чтобы удалить номер.
phone-hint = Например 06 12 34 56 78
phone-pro-text = Меняйте его только вместе с человеком. Он увидит это в своём журнале; на старый номер придёт сообщение.
open-recovery-legend = Может ли ваша организация помочь человеку вернуть доступ к сейфу?
open-recovery-consequence = Спросите его. Если он согласен, эта организация поддержки сможет помочь ему снова войти, если он потеряет пароль и лист; в худшем случае она могла бы открыть его сейф. Он может передумать в любой момент в разделе «Мои организации поддержки».
open-recovery-yes = Да, эта организация поддержки может помочь вернуть доступ
open-recovery-no = Нет
open-recovery-required = Укажите, может ли эта организация поддержки помочь вернуть доступ.
relais-recovery-consequence = Организация поддержки, которой вы это разрешили, может вернуть вам доступ, если вы потеряете пароль и лист; в худшем случае она могла бы открыть ваш сейф. Вас предупреждают каждый раз, и вы можете это отменить.
recover-done-new-sheet = Ваш пароль изменён. Старый код восстановления больше не действует: войдите сейчас и распечатайте новый лист восстановления.
sms-reset-started = Consigne: кто-то запросил сброс доступа к вашему сейфу. Если это были не вы, войдите и отмените его.
sms-phone-changed = Consigne: номер телефона вашего сейфа изменён. Если это были не вы, обратитесь в свою организацию поддержки.
journal-reset-confirmed-success = { $who }: сброс пароля подтверждён.
journal-reset-cancelled-success = { $who }: сброс пароля отменён.
journal-recovery-code-renewed-success = { $who }: напечатан новый лист восстановления (старый код больше не действует).
journal-phone-changed-success = { $who }: номер телефона изменён.
journal-phone-removed-success = { $who }: номер телефона удалён.
# issue 11: media (image and PDF bombs)
error-image-too-large = В этом изображении слишком много пикселей, чтобы обработать его здесь (больше { $max } мегапикселей или слишком много цветов на пиксель). Сделайте фото заново с меньшим разрешением или отправьте его в формате PDF.
error-pdf-too-complex = Этот PDF распаковывается в слишком большой объём данных, чтобы обработать его здесь. Сохраните его заново как PDF (Печать, затем «Сохранить как PDF») или отправьте несколькими файлами поменьше.
# issue 11: requests
error-field-too-long = Одно из полей формы слишком длинное (например, название): сократите его и отправьте снова.
error-scan-too-large = Эти фотографии вместе слишком большие (больше { $max } МБ): отправьте меньше страниц за раз или снимите их с меньшим разрешением.
# issue 12: paginated lists, the professional's search
pager-label = Страницы списка
pager-previous = Предыдущая страница
pager-next = Следующая страница
pager-position = Страница { $page }
field-page = Номер страницы
error-input-invalid-page = должен быть целым числом от 1 до 100000.
pro-search-label = Найти человека (фамилия, имя, идентификатор или дата рождения)
action-search = Найти
pro-search-clear = Очистить поиск
pro-search-none = Никто не подходит под этот поиск.
pro-search-found = { $count ->
    [one] Найден { $count } человек
    [few] Найдено { $count } человека
   *[other] Найдено { $count } человек
}

## Times (local, to the minute)
time-zone-name = по времени { $city }
times-note = Время указано по часовому поясу { $city }.

## The printed recovery sheet, a structure's phone
sheet-address = Адрес сайта
sheet-qr-label = Отсканируйте этот код телефоном: он откроет страницу входа.
sheet-relay = Ваша организация поддержки, которая поможет на месте
sheet-made = Лист создан { $date }.
field-structure-phone = Телефон организации
structure-phone-hint = Печатается на листе восстановления тех, кто выбрал вашу организацию, чтобы она помогла им вернуть доступ к сейфу.
structure-phone-saved = Номер организации сохранён.
journal-structure-phone-changed-success = { $who } изменил(а) номер телефона организации.

## Show password
password-show = Показать пароль

## Ready-made folders of a new safe
folder-identity = Удостоверения
folder-health = Здоровье
folder-housing = Жильё
folder-income = Доходы
folder-family = Семья
folder-other = Другое
error-input-short-number = — не может принимать SMS. Укажите номер мобильного, например 06 12 34 56 78 или +44 7700 900123.
login-identifier-homonym = Точки, пробелы или дефисы — как вам удобно (amina benali 14/02/1990). Если на вашем листке после даты стоит номер (например, -2), наберите и его.
sheet-homonym = Ваш логин заканчивается на «{ $number }»: у другого человека такие же имя и дата рождения. Всегда набирайте «{ $number }» в конце.
error-invalid-recovery = Неверный логин или код. Проверьте и то и другое: логин и код восстановления есть на вашем листке, или код вам дала ваша организация поддержки. Если действующего кода нет, обратитесь в свою организацию поддержки.
notice-recovered-in-person = Ваш пароль был изменён { $date } с помощью кода, который выдала ваша организация поддержки (сброс на месте). Если это были не вы, срочно обратитесь в свою организацию поддержки.
recover-done-in-person = Ваш пароль изменён с помощью кода вашей организации поддержки. Старый лист восстановления тоже больше не действует: войдите сейчас и распечатайте новый лист восстановления.
doc-add-submit-for-her = Добавить в сейф этого человека
journal-document-expiry-removed-success = Срок действия документа «{ $what }» удалён ({ $who }).
doc-pro-corrections = Исправить то, что добавила ваша организация
doc-pro-corrections-hint = Вы можете исправить название или срок действия либо удалить документ, который добавила ваша организация, пока человек сам его не изменил и не закрыл к нему доступ. Он увидит это в своём журнале.
doc-pro-delete-text = Удалить этот документ из сейфа человека навсегда.
reminder-status-no_phone = нет номера телефона: ничего не будет отправлено
reminder-add-phone = Добавить номер
phone-remove = Удалить этот номер
phone-current = Сохранённый номер:
phone-none = Номера нет: SMS-напоминания не могут быть отправлены.
phone-add = Добавить мой номер
phone-change = Изменить или удалить мой номер

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = Сохранено.
notice-added = Добавлено в сейф.
notice-deleted = Удалено.
notice-shared = Сохранено: отмеченные организации поддержки это видят.
notice-private = Сохранено: это личное, видите только вы.
notice-invitation-accepted = Приглашение принято: теперь эта организация поддержки вас сопровождает.
notice-invitation-declined = Приглашение отклонено: эта организация поддержки ничего не видит в вашем сейфе.
notice-relay-left = Вы ушли из этой организации поддержки: она больше ничего не видит в вашем сейфе.
notice-page-added = Фотография добавлена.
notice-page-removed = Страница убрана.
notice-scan-cancelled = Фотографии удалены.
mark-private = Личное
mark-shared = { $count ->
    [one] Доступно { $count } организации поддержки
   *[other] Доступно { $count } организациям поддержки
}
mark-shared-structure = Доступно вашей организации
scan-take = Сфотографировать
scan-take-another = Сфотографировать ещё одну страницу
scan-hint = Одна фотография на страницу. Затем вы проверяете страницы, даёте название и сохраняете.
scan-hint-again = До сохранения ещё можно изменить порядок страниц.
scan-chosen = Фотография готова: нажмите «Продолжить».
scan-review-title = Проверьте фотографии
scan-review-text = { $count ->
    [one] { $count } страница.
    [few] { $count } страницы.
   *[other] { $count } страниц.
} Проверьте, что каждая страница хорошо читается и что страницы идут по порядку.
scan-page = Страница { $number }
scan-remove = Убрать
scan-remove-page = Убрать страницу { $number }
scan-save-title = Назвать и сохранить
scan-save = { $count ->
    [one] Сохранить документ ({ $count } страница)
    [few] Сохранить документ ({ $count } страницы)
   *[other] Сохранить документ ({ $count } страниц)
}
scan-cancel = Отменить и удалить эти фотографии
scan-gone-title = Этих фотографий больше нет
scan-gone-text = Фотографии хранятся один час, пока вы не вышли: их сохранили, отменили или удалили. Сфотографируйте заново.

# Case file (issue 14): the structure's record of a person's situation, referent, hand-over.
field-housing = Жильё
field-family-status = Семейное положение
field-children = Дети и иждивенцы
field-nationality = Гражданство
field-residence-permit = Вид на жительство
field-residence-permit-until = Документ действителен до
field-domiciliation = Почтовый адрес (домисилиация)
field-resource-kind = Доход
field-resource-amount = Сумма в месяц (€)
field-health-cover = Медицинская страховка
field-health-cover-until = Страховка действительна до
field-protection = Мера защиты
field-referent = Куратор
field-note = Заметка
field-situation = Положение
casefile-title = Досье
casefile-intro = Записи организации о её положении: их нет в её сейфе, и она их не видит. Читают их только сотрудники организации.
casefile-open = Открыть досье ({ $structure })
casefile-situation = Изменить положение
casefile-save = Сохранить положение
casefile-handover = Передать коллеге
casefile-handover-hint = Передайте человека коллеге: новый куратор найдёт её в разделе «Мои люди». Заметка останется в истории.
casefile-handover-submit = Передать
casefile-history = История
casefile-history-none = Пока изменений нет.
casefile-history-line = { $when }, { $who }
casefile-left = Этот человек больше не выбирает организацию своим доверенным пунктом: организация хранит досье только для чтения и больше не видит ничего нового в её сейфе.
casefile-referent-none = Нет куратора
casefile-back = Назад к её карточке
casefile-until = до { $date }
casefile-per-month = { $amount } € в месяц
casefile-children-count = дети и иждивенцы: { $count }
casefile-resources-hint = Одна строка на доход, сумма в месяц в целых евро.
casefile-field-housing = Жильё
casefile-field-family = Семейное положение
casefile-field-administrative = Административное положение
casefile-field-resources = Доходы
casefile-field-health-cover = Медицинская страховка
casefile-field-protection = Мера защиты
casefile-field-referent = Куратор
casefile-housing-street = На улице
casefile-housing-emergency-shelter = Экстренный приют
casefile-housing-hosted-third-party = Живёт у третьего лица
casefile-housing-chrs = CHRS (центр социальной реабилитации)
casefile-housing-hotel = Гостиница
casefile-housing-squat = Сквот
casefile-housing-tenant = Арендатор
casefile-housing-owner = Собственник
casefile-housing-institution = Учреждение (больница, общежитие…)
casefile-housing-other = Другое
casefile-family-single = Одна
casefile-family-couple = В паре
casefile-family-married = В браке
casefile-family-civil-union = Гражданский союз (PACS)
casefile-family-separated = Раздельно
casefile-family-divorced = В разводе
casefile-family-widowed = Вдова
casefile-permit-not-required = Не требуется (гражданка Франции или ЕС)
casefile-permit-none = Нет
casefile-permit-asylum-certificate = Справка о подаче прошения об убежище
casefile-permit-receipt = Расписка (récépissé)
casefile-permit-temporary = Временный вид на жительство
casefile-permit-multi-year = Многолетний вид на жительство
casefile-permit-resident = Карта резидента
casefile-permit-other = Другое
casefile-resource-wages = Зарплата
casefile-resource-unemployment = Пособие по безработице
casefile-resource-rsa = RSA (минимальный доход)
casefile-resource-prime-activite = Prime d'activité (доплата к зарплате)
casefile-resource-aah = AAH (пособие по инвалидности)
casefile-resource-pension = Пенсия
casefile-resource-sick-pay = Больничные
casefile-resource-family-benefits = Семейные пособия
casefile-resource-housing-benefit = Жилищное пособие
casefile-resource-ada = ADA (пособие для просителей убежища)
casefile-resource-other = Другое
casefile-health-none = Нет
casefile-health-puma = Медицинское страхование (PUMa)
casefile-health-css = Complémentaire santé solidaire
casefile-health-ame = AME (государственная медпомощь)
casefile-health-private = Дополнительная страховка
casefile-health-other = Другое
casefile-protection-none = Нет
casefile-protection-safeguard-of-justice = Временная судебная защита
casefile-protection-curatorship = Попечительство
casefile-protection-reinforced-curatorship = Усиленное попечительство
casefile-protection-guardianship = Опека
casefile-protection-family-habilitation = Семейное полномочие
casefile-protection-masp = MASP (мера социального сопровождения)
casefile-protection-other = Другое
pro-filter-label = Фильтр списка
pro-filter-all = Все
pro-filter-mine = Мои люди
pro-mine-count = Мои люди: { $count }
pro-mine-none = Пока вы ни для кого не куратор.
journal-case-file-updated-success = { $who } изменил(а) досье организации.
journal-referent-changed-success = { $who } сменил(а) куратора человека.
# Issue 14: a structure's statistics.
stats-title = Статистика
stats-intro = Каждая цифра — это подсчёт данных, которые сервер видит в открытом виде (даты, типы, счётчики): для расчёта ничего не расшифровывается. Дни считаются по часовому поясу платформы.
stats-structure = Организация
field-from = С
field-to = По
stats-period = С { $from } по { $to }
# A rate in percent: $whole and $tenth are its digits before and after the decimal separator.
stats-rate-shown = { $whole },{ $tenth } %
stats-no-rate = — (сейфы не открывались)
stats-download-csv = Скачать (CSV)
stats-download-ods = Скачать (таблица ODS)
error-input-invalid-period = — неверный период: начало должно быть раньше конца, не более десяти лет.
stats-from = Начало периода
stats-from-def = Первый учтённый день.
stats-to = Конец периода
stats-to-def = Последний учтённый день.
stats-people-followed = Сопровождаемые люди
stats-people-followed-def = Люди, у которых организация является их организацией поддержки на конец периода: они выбрали её до этой даты и с тех пор не ушли (Consigne не хранит сведений об уходах).
stats-safes-opened = Открытые сейфы
stats-safes-opened-def = Сейфы, открытые специалистом организации за период.
stats-safes-reconnected = Вернувшиеся люди
stats-safes-reconnected-def = Из этих сейфов — те, владелица которых хотя бы раз сама вошла между 1-м и 183-м днём после открытия. День n начинается через n × 24 часа после открытия: день открытия не считается, как и вход после 183-го дня.
stats-reconnection-rate = Доля вернувшихся
stats-reconnection-rate-def = Вернувшиеся люди, делённые на открытые сейфы (пусто, если сейфы не открывались). Сейф, открытый менее 184 дней назад, уже учитывается.
stats-relais-accepted = Новые принятые приглашения
stats-relais-accepted-def = Люди, которые за период согласились, чтобы организация стала их организацией поддержки (принятое приглашение). Сейфы, открытые организацией, здесь не учитываются.
stats-documents-added-by-professionals = Документы, добавленные специалистами
stats-documents-added-by-professionals-def = Документы, добавленные за период специалистом организации в сейф человека (удалённые с тех пор больше не учитываются).
stats-documents-added-by-people = Документы, добавленные самими людьми
stats-documents-added-by-people-def = Документы, которые люди сами добавили за период и которыми делятся с организацией. То, что они хранят только для себя, не учитывается.
stats-sms-sent = Отправленные SMS
stats-sms-sent-def = Напоминания по SMS, отправленные за период людям, чей сейф открыла организация.
stats-sms-segments = Сегменты SMS
stats-sms-segments-def = Сегменты, учтённые оператором для этих SMS (длинный текст или текст со специальными символами — это несколько сегментов).
stats-followups = Встречи
stats-followups-def = Отчёты о встречах, датированные этим периодом, в любом статусе.
stats-followups-by-medium = Встречи по способу связи
stats-followups-by-medium-def = Встречи за период, посчитанные по способу связи.
stats-followups-by-subject = Встречи по темам
stats-followups-by-subject-def = Встречи за период, посчитанные по одному разу для каждой темы (встреча с двумя темами учитывается в обеих).
stats-by-housing = Люди по жилищной ситуации
stats-by-housing-def = Люди, которых сопровождают на конец периода, по последней жилищной ситуации в их деле.
stats-housing-unknown = Не указана
stats-breakdown-line = { $group }: { $item }
# Follow-ups (interview reports) and the structure's agenda.
journal-followup-written-success = { $who } написал(а) отчёт о вашей встрече.
pro-agenda-title = Календарь
pro-agenda-due = Срок по записи
pro-agenda-week = Неделя с { $date }
pro-agenda-referent = Куратор
pro-agenda-everyone = Все
pro-agenda-filter = Фильтр
pro-agenda-previous = Предыдущая неделя
pro-agenda-next = Следующая неделя
pro-agenda-download = Скачать (файл .ics)
pro-agenda-empty = На этой неделе ничего не запланировано.
followups-title = Встречи
followups-intro = Отчёты вашей организации. Общую часть человек читает в своём сейфе; закрытая часть остаётся в организации.
followups-back = Назад к карточке человека
followups-open = Смотреть и писать отчёты
followups-new = Новый отчёт
followups-shared-hint = Человек прочитает этот текст в своём сейфе.
followups-private-hint = Этот текст прочитают только сотрудники вашей организации.
followups-save = Сохранить отчёт
followups-add-subject = Добавить тему в список организации
followups-none = Пока нет отчётов.
followups-author = Автор
followups-delete = Удалить
field-medium = Способ связи
field-subjects = Темы
field-status = Статус
field-due-on = Срок
field-shared-text = Часть для человека
field-private-text = Закрытая часть (только организация)
field-document-ids = Прикреплённые документы
field-label = Название
my-followups-title = Отчёты о ваших встречах
# Its short name on the home tile.
home-followups = Отчёты
my-followups-intro = Что ваши организации написали о ваших встречах — для вас.
my-followups-none = Пока нет отчётов.
my-followups-by = Автор: { $name } ({ $structure })
followups-medium-planned-meeting = Запланированная встреча
followups-medium-walk-in = Без записи
followups-medium-phone = Телефон
followups-medium-home-visit = Визит на дом
followups-medium-outside-appointment = Встреча вне организации
followups-medium-mail = Почта
followups-medium-email = Электронная почта
followups-medium-video = Видеосвязь
followups-medium-third-party = Через третье лицо
followups-status-todo = Сделать
followups-status-in-progress = В работе
followups-status-done = Сделано
followups-subject-housing = Жильё
followups-subject-domiciliation = Адрес для корреспонденции
followups-subject-resources = Доходы
followups-subject-employment = Работа
followups-subject-health = Здоровье
followups-subject-administrative = Документы
followups-subject-residence-permit = Вид на жительство
followups-subject-family = Семья
followups-subject-justice = Правосудие
followups-subject-food = Питание
followups-subject-mobility = Транспорт
followups-subject-digital = Цифровые услуги
followups-subject-other = Другое

# Household (issue 14, item 3)
family-title = Моя семья
family-intro = Свяжите свой сейф с сейфами семьи (партнёр, дети, родители), если они согласны, и отметьте людей на вашем попечении, у которых нет сейфа. Связь никогда не показывает вашим реле больше, чем вы им открываете.
family-links-title = Связанные сейфы
family-none = Пока никого.
family-state-linked = Связаны
family-state-waiting-for-me = Просит связаться с вами
family-state-waiting-for-them = Ждём ответа
family-a-relais = реле
family-proposed-by = Предложено: { $structure }
family-undo = Разорвать связь
family-ask-title = Попросить связать сейф
family-ask-hint = Введите идентификатор сейфа другого человека. Он увидит запрос в своём сейфе и решит, принять ли его. Ребёнок со своим сейфом принимает сам.
family-ask-action = Отправить запрос
family-ask-sent = Если сейф с таким идентификатором есть, его владелец увидит ваш запрос. Связь появится, только когда он примет её.
family-dependants-title = Люди на моём попечении без сейфа
family-dependants-hint = Их видите только вы, если не покажете кого-то реле.
family-show-to = Показать { $relais }
family-hide-from = Больше не показывать { $relais }
family-delete = Удалить
family-dependant-add = Добавить человека
family-pro-title = Семья
family-pro-intro = Связанные сейфы, владельцы которых тоже выбрали вашу структуру реле, и люди на попечении, которых они вам показывают. Связь никогда не показывает больше.
family-pro-members = Члены семьи
family-pro-dependants = Люди на попечении
family-pro-of = записан(а): { $name }
family-propose-title = Предложить связь
family-propose-hint = Каждый должен принять её в своём сейфе.
family-propose-action = Предложить
family-pro-back = Назад к карточке человека
field-relation = Родство
field-member = Человек
relation-partner = Партнёр
relation-child = Ребёнок
relation-parent = Родитель
relation-sibling = Брат или сестра
relation-other = Другое
error-input-invalid-relation = неверно: выберите из списка.
error-household-exists = Эти два сейфа уже связаны или ждут ответа. Откройте страницу семьи.
journal-household-link-asked-success = { $who } попросил(а) связать два сейфа семьи.
journal-household-link-proposed-success = { $who } предложил(а) связать два сейфа семьи.
journal-household-link-accepted-success = { $who } принял(а) семейную связь.
journal-household-link-removed-success = { $who } удалил(а) семейную связь.
journal-household-viewed-success = { $who } посмотрел(а) карточку семьи.
journal-dependant-added-success = { $who } добавил(а) человека на вашем попечении.
journal-dependant-deleted-success = { $who } удалил(а) человека на вашем попечении.
journal-dependant-shown-success = { $who } показал(а) человека на вашем попечении: { $relais }.
journal-dependant-hidden-success = { $who } больше не показывает человека на вашем попечении: { $relais }.

# Issue 14, item 6: the people list's filters and lines.
pro-filter-referent = Куратор
pro-filter-no-referent = Без куратора
pro-filter-quiet = Нет контакта
pro-filter-quiet-any = Неважно
pro-filter-quiet-days = { $days ->
    [one] более { $days } дня
    [few] более { $days } дней
    [many] более { $days } дней
   *[other] более { $days } дня
}
pro-filter-expiring = Документы истекли или скоро истекают
pro-line-identifier = Идентификатор:
pro-line-referent = Куратор: { $name }
pro-line-last-contact = Последний контакт: { $date }
pro-line-no-contact = Отчётов пока нет
pro-line-paper-expires = Срок документа истекает { $date }
pro-line-paper-expired = Срок документа истёк { $date }
field-no-contact-days = Число дней без контакта
error-input-invalid-days = должно быть целым числом от 1 до 3650.

# Issue 15: the types of papers.
field-type = Вид документа
doc-expiry-hint = Удостоверение личности, паспорт, вид на жительство, справка о домициляции или о медицинском страховании: укажите дату окончания, и мы напомним вам заранее.
doc-expiry-asked = { $type }: у этого документа есть срок действия. Укажите его, и мы напомним вам, пока он не истёк.
doc-expiry-prompt = Добавьте дату окончания, чтобы мы напомнили вам до того, как срок истечёт.
doc-expiry-prompt-action = Добавить дату окончания
journal-document-type-changed-success = Вид документа «{ $what }» изменён ({ $who }).
paper-identity-card = Удостоверение личности
paper-passport = Паспорт
paper-residence-permit = Вид на жительство или расписка
paper-birth-certificate = Свидетельство о рождении
paper-family-record-book = Семейная книжка
paper-domiciliation-certificate = Справка о домициляции
paper-proof-of-address = Подтверждение адреса или проживания
paper-bank-details = Банковские реквизиты (RIB)
paper-tax-notice = Налоговое уведомление
paper-payslip = Расчётный лист
paper-france-travail-certificate = Справка France Travail
paper-caf-certificate = Справка CAF
paper-health-cover-certificate = Справка о медицинском страховании
paper-carte-vitale = Carte Vitale (карта медицинского страхования)
paper-medical = Медицинский документ
paper-other = Другой документ
# Simulations
section-rights = Мои права
rights-intro = Узнайте, какие пособия вы можете получать. Ваши ответы остаются в вашем сейфе: их видят только выбранные вами организации поддержки.
rights-new = Новый расчёт
rights-run = Узнать мои права
rights-past = Сделанные расчёты
rights-made-by = { $date }, { $who }
rights-month = Месяц расчёта
rights-household = Семья
rights-couple = Я живу с партнёром
rights-partner-birth = С партнёром: дата рождения партнёра
rights-pregnant = Я беременна
rights-children = Дети на моём попечении
rights-children-hint = Дата рождения каждого ребёнка; остальные строки оставьте пустыми.
rights-child = Ребёнок { $n }: дата рождения
rights-nationality = Гражданство и документы
rights-nationality-fr = Французское
rights-nationality-eu = Европейский союз, ЕЭЗ или Швейцария
rights-nationality-other = Другая страна
rights-permit-years = Для другой страны: сколько лет с видом на жительство во Франции
rights-refugee = Беженка или дополнительная защита
rights-student = Я студент
rights-housing = Жильё
rights-housing-homeless = Без жилья (улица, машина, сквот)
rights-housing-hosted-free = Живу бесплатно у других (семья, друзья)
rights-housing-shelter = Экстренный приют, гостиница через 115, CHRS
rights-housing-tenant = Арендатор: я плачу за жильё
rights-rent = Арендатор: месячная плата без коммунальных (€)
rights-commune = Арендатор: код коммуны (INSEE, 5 знаков)
rights-resources = Доходы за последние три месяца
rights-resources-hint = Суммы на руки, как в расчётном листке или письме. Оставьте пустым, если ничего не было.
rights-resources-me = Мои доходы
rights-resources-partner = Доходы партнёра
rights-month-1 = 3 месяца назад
rights-month-2 = 2 месяца назад
rights-month-3 = Прошлый месяц
rights-kind-wages = Зарплата
rights-kind-unemployment = Пособие по безработице (France Travail)
rights-kind-pension = Пенсия по старости
rights-kind-sick-pay = Больничные
rights-kind-aah = Пособие для взрослых с инвалидностью (AAH)
rights-kind-family-benefits = Семейные пособия
rights-kind-other = Другие доходы
rights-results = Результаты на { $month }
benefit-rsa = RSA (минимальный доход)
benefit-prime-activite = Prime d'activité (надбавка работающим)
benefit-css = Complémentaire santé solidaire (медицинская страховка)
benefit-aide-logement = Жилищное пособие (APL, ALS)
rights-eligible = Вы можете его получать
rights-not-eligible = Не с этими ответами
rights-amount = { $amount } € в месяц
rights-css-free = бесплатно
rights-css-participation = с взносом { $amount } € в месяц
rights-out-of-scope = Вне того, что считает калькулятор: спросите своего социального работника или CAF.
rights-reason-sick-pay = Больничные учитываются по-разному в зависимости от даты начала больничного.
rights-reason-family-benefits = Семейные пособия учитываются по-разному в зависимости от пособия.
rights-reason-old-age = С 65 лет сначала назначается минимальная пенсия по старости (ASPA).
rights-reason-not-modelled = Этот случай не учитывается.
rights-reason-commune = Для арендатора нужны коммуна и арендная плата, чтобы рассчитать помощь на жильё. Спросите в CAF или у социального работника.
rights-unverified = Проверить в учреждении
rights-unverified-residence-in-france = Постоянное проживание во Франции (домициляция, если нет жилья).
rights-unverified-savings = Сбережения и имущество: доход от них тоже учитывается.
rights-unverified-eu-right-of-residence = Для гражданина Европы: право на пребывание (работа или больше трёх месяцев здесь).
rights-unverified-young-active = До 25 лет: RSA для работающей молодёжи требует двух лет работы за последние три года.
rights-unverified-other-benefits-first = Сначала нужно запросить другие выплаты (пенсию, пособие по безработице, алименты).
rights-unverified-recent-separation = Недавнее расставание (меньше 18 месяцев) увеличивает сумму для одинокого родителя.
rights-unverified-not-parents-dependent = До 25 лет: не быть на иждивении родителей (их налоги, их жильё, выплаты от них).
rights-unverified-decent-dwelling = Помощь на жильё: достойное жильё, где живут не меньше восьми месяцев в году, снятое не у близкого родственника.
rights-unverified-taxable-resources = Помощь на жильё: CAF учитывает доходы, заявленные в налоговой, за двенадцать месяцев.
rights-unverified-family-benefits-to-claim = Семейные пособия, которые можно запросить (семейные пособия, ASF, PAJE): когда их выплатят, сумма изменится.
rights-institution = Куда обращаться
rights-institution-caf = CAF (касса семейных пособий)
rights-institution-cpam = Медицинское страхование (CPAM)
rights-teleservice = Подать онлайн
rights-form = Бумажный бланк
rights-documents = Какие документы собрать
rights-scales-note = Оценка по суммам, действующим в этом месяце (после последней известной индексации — по последним известным суммам): решает только учреждение.
rights-share = Кто видит этот расчёт
rights-print = Сводка для печати
rights-back = Назад к расчётам
rights-recap = Сводка моих прав
rights-recap-made = сделан { $date }
rights-recap-estimate = Эта сводка — оценка, а не решение. Возьмите её с документами, когда будете подавать заявление.
rights-pro-title = Расчёт прав
rights-pro-intro = Заполните вместе с человеком: расчёт сохраняется в её сейфе, доступен вашей организации, и она его видит.
rights-pro-open = Рассчитать её права
rights-pro-empty = Результаты появятся здесь.
rights-field-body = Форма
rights-field-month = Месяц
rights-field-couple = «С партнёром»
rights-field-partner = Дата рождения партнёра
rights-field-children = Дети
rights-field-pregnant = «Беременна»
rights-field-nationality = Гражданство
rights-field-residence-permit-years = Годы с видом на жительство
rights-field-refugee = «Беженка»
rights-field-student = «Студент»
rights-field-housing = Жильё
rights-field-resources = Сумма дохода
rights-field-rent = Плата за жильё
rights-field-commune-insee = Код коммуны
rights-field-birth-date = Дата рождения
rights-error-invalid = — неверное значение: проверьте.
rights-error-required = — обязательно.
rights-error-unknown-field = — неизвестный вопрос: обновите страницу.
rights-error-too-many = — слишком много строк.
rights-error-partner-if-couple = — только вместе с «Я живу с партнёром»: отметьте его или очистите ответы о партнёре.
rights-error-month-not-covered = — слишком рано: выберите август 2023 года или позже.
rights-error-invalid-amount = — должно быть суммой в евро, 0 или больше.
rights-error-invalid-number = — должно быть числом лет, 0 или больше.
rights-error-after-month = — позже месяца расчёта.
simulation-title = расчёт на { $month }
relais-sees-simulations = Открытые ей расчёты прав: { $count }
journal-simulation-created-success = Сделан расчёт ваших прав ({ $who }).
journal-simulation-viewed-success = Открыт { $what } ({ $who }).
journal-simulation-shared-success = Организации поддержки открыт доступ: { $what } ({ $who }).
journal-simulation-unshared-success = Закрыт доступ: { $what } ({ $who }).

# Proofs (issue 16): the structure's profile, domiciliation, hosting certificates.
action-back = Назад
profile-open = Профиль для справок
profile-title = Профиль организации для справок
profile-intro = Эти данные печатаются на справках, которые выдаёт организация (домициляция, проживание). Они не секретны.
profile-read-only = Изменить этот профиль может только администратор организации.
profile-approval-hint = Номер аккредитации и префектура: только для аккредитованной ассоциации (у CCAS или CIAS их нет).
field-category = Тип организации
category-ccas = CCAS
category-cias = CIAS
category-association = Аккредитованная ассоциация
category-other = Другое
field-shelter = Управляемое жильё
shelter-none = Нет
shelter-chrs = CHRS
shelter-chu = CHU (экстренное размещение)
shelter-hotel = Гостиница
field-postal-address = Почтовый адрес
field-mail-address = Адрес получения почты (если другой)
field-approval-number = Номер аккредитации
field-prefecture = Префектура
field-manager-name = Имя руководителя
field-manager-function = Должность руководителя
domiciliation-open = Домициляция и справки
domiciliation-title = Домициляция
domiciliation-intro = Запишите решение: официальные формы (cerfa 16029 и 16030) заполняются и добавляются в её сейф с доступом для вашей организации.
domiciliation-history = Записанные решения
domiciliation-none = Решений нет.
domiciliation-first = Первое заявление
domiciliation-renewal = Продление
domiciliation-granted = Предоставлена с { $from } по { $to }
domiciliation-refused = Отказано: { $reason }
domiciliation-request-doc = Заявление и решение (cerfa 16029)
domiciliation-certificate-doc = Справка (cerfa 16030)
domiciliation-record = Записать решение
domiciliation-grant = Предоставлена
domiciliation-refuse = Отказано
domiciliation-save = Записать решение
field-decision-on = Дата решения
field-granted = Решение
field-refusal-reason = Причина отказа
field-birth-place = Место рождения (печатается на формах)
field-since = Проживает с
hosting-title = Справка о проживании
hosting-intro = Для организации, предоставляющей жильё: письмо с сегодняшней датой, подписанное руководителем, добавляется в её сейф.
hosting-make = Сделать справку
error-profile-missing = Профиль организации не заполнен: попросите администратора заполнить его.
error-not-a-shelter = Эта организация не управляет жильём: администратор может указать это в профиле.
error-not-a-domiciliation-body = Домициляцию могут предоставлять только CCAS, CIAS или аккредитованная ассоциация: проверьте профиль организации.
error-input-in-future = не может быть в будущем.
journal-domiciliation-recorded-success = Записано решение о домициляции ({ $who }).
journal-domiciliation-viewed-success = Открыто решение о домициляции ({ $who }).
journal-structure-profile-changed-success = { $who } изменил(а) профиль организации.
field-logo = Логотип
profile-logo-hint = Изображение PNG или JPEG не больше 256 КБ, печатается вверху справок о проживании.
profile-logo-remove = Удалить логотип
profile-logo-after = Сначала сохраните профиль, затем добавьте логотип.
error-input-not-png-or-jpeg = должен быть изображением PNG или JPEG.
## The assembled file (issue 15, item 4)
journal-document-put-in-file-success = «{ $what }» добавлен в собранное досье ({ $who }).
journal-file-assembled-success = Досье «{ $what }» собрано из ваших документов ({ $who }).
file-cover-person = Человек: { $name }
file-cover-date = Составлено { $date }
file-cover-pieces = Документы досье
file-cover-missing = Недостающие документы
file-cover-hashes = Каждый SHA-256 — отпечаток документа, хранящегося в сейфе: тот же документ, скачанный из сейфа, даёт тот же отпечаток.
file-cover-page = с.
file-default-title = Досье
# Procedures
section-procedures = Мои оформления
# The one home tile for the simulator and the procedures (one tile keeps her home on a phone's first screen).
home-rights-procedures = Права и оформления
procedures-intro = Следите за своими оформлениями: какие документы нужны для каждого, на каком оно этапе, ближайший срок. Их видят только выбранные вами пункты поддержки.
procedures-open = Следить за оформлениями
procedures-start = Начать оформление
procedures-start-action = Начать
procedures-choose = Какое оформление
procedures-history = Моя история оформлений
procedures-history-pro = Её история оформлений
procedures-empty = Пока нет оформлений.
procedures-started = начато { $date }
procedures-closed-on = завершено { $date }
procedure-rsa = RSA (пособие активной солидарности)
procedure-css = Complémentaire santé solidaire (медицинская страховка)
procedure-aide-logement = Помощь на жильё (APL, ALS)
procedure-domiciliation = Домициляция (адрес для почты)
procedure-residence-permit-renewal = Продление вида на жительство
procedure-identity-document = Удостоверение личности или паспорт
procedure-france-travail-registration = Регистрация в France Travail (ищущий работу)
procedure-ame = AME (государственная медицинская помощь)
procedure-status-to-prepare = Подготовить
procedure-status-filed = Подано
procedure-status-being-processed = На рассмотрении
procedure-status-granted = Одобрено
procedure-status-refused = Отказано
procedure-status-abandoned = Отменено
procedure-status = Этап
procedure-status-change = Изменить этап
procedure-changes = Изменения
procedure-deadline = Ближайший срок
procedure-deadline-on = Срок { $date }
procedure-deadline-none = Срока нет
procedure-deadline-save = Сохранить срок
procedure-deadline-hint = Мы отправим SMS за неделю и за день, не называя оформление.
procedure-receipt = Расписка о подаче
procedure-receipt-none = Расписка не приложена
procedure-receipt-attach = Приложить расписку
procedure-receipt-choose = Документ, подтверждающий подачу
procedure-checklist = Документы для сбора
procedure-line-present = Есть
procedure-line-missing = Нет
procedure-line-expired = Просрочен: обновите
procedure-add-paper = Добавить этот документ
procedure-source = Официальная справка
procedure-share = Кто видит это оформление
procedure-back = Назад к оформлениям
procedures-pro-title = Её оформления
procedures-pro-intro = Начните оформление вместе с человеком и следите за ним: оно сохраняется в её сейфе, доступно вашей структуре, и она его видит.
procedures-pro-open = Её оформления
procedure-field-body = Форма
procedure-field-code = Оформление
procedure-field-status = Этап
procedure-field-deadline-on = Срок
procedure-field-receipt-document-id = Расписка
procedure-error-invalid-date = не является датой: напишите день, месяц, год.
procedure-file = Полное досье
procedure-file-intro = Один PDF с имеющимися документами: титульная страница со списком документов и их отпечатками, недостающие отмечены. Он добавляется в сейф.
procedure-file-watermark = Надпись на каждой странице
procedure-file-watermark-hint = Например: copie pour la CAF, 3 décembre 2026. Латинскими буквами.
procedure-file-build = Собрать досье
procedure-file-none = Сначала добавьте хотя бы один документ из списка.
procedure-field-watermark = Надпись
procedure-field-documents = Досье
procedure-error-watermark-script = пишется только латинскими буквами: в PDF нет других алфавитов.
procedure-error-too-long = слишком длинная: не больше 120 символов.
sms-procedure-deadline = Consigne: срок по одному из ваших оформлений — { $date }. Войдите, чтобы посмотреть.
journal-procedure-created-success = { $who } начал(а) оформление в вашем сейфе.
journal-procedure-viewed-success = { $who } открыл(а) оформление { $what }.
journal-procedure-updated-success = { $who } обновил(а) оформление { $what }.
journal-procedure-shared-success = { $who } открыл(а) доступ к оформлению { $what } пункту поддержки.
journal-procedure-unshared-success = { $who } закрыл(а) доступ к оформлению { $what }.

## The certification of documents (docs/certification.md)
journal-document-certified-success = Получен сертификат документа «{ $what }» ({ $who }).
doc-certificate = Сертификат этого документа (.json)
doc-certificate-verify = Проверить сертификат
certificate-none = Этот документ добавлен до сертификации: у него нет сертификата.
certificate-back = Назад к документу
verify-title = Проверить документ и его сертификат
verify-intro = Загрузите документ и его сертификат (.json): эта страница проверит, что документ существовал без изменений с даты сертификата.
verify-document = Документ (PDF или фото)
verify-certificate = Его сертификат (.json)
verify-submit = Проверить
verify-nothing-stored = Ничего не сохраняется: файлы читаются и забываются. Учётная запись не нужна.
verify-ok = Сертификат подтверждает этот документ.
verify-ok-added = Добавлен { $date }.
verify-ok-head = Записан в реестр, подписанный { $date } ({ $size } документов).
verify-ok-timestamp = Метка времени от удостоверяющего органа: { $time } (UTC).
verify-key-published = Подписан ключом, опубликованным этой платформой.
verify-key-unknown = Внимание: подпись сделана не ключом, опубликованным этой платформой.
verify-limits = Это доказывает, что эта копия существовала без изменений на эту дату. Это не оригинал и не квалифицированная метка времени eIDAS.
verify-failed = Сертификат не подтверждает этот документ.
verify-failure-malformed = Этот файл не является читаемым сертификатом. Загрузите файл .json, скачанный со страницы документа.
verify-failure-document-mismatch = Этот документ не тот, что в сертификате (он изменён или это другой файл).
verify-failure-leaf-mismatch = Сертификат был изменён. Скачайте его снова.
verify-failure-not-in-tree = Сертификат был изменён. Скачайте его снова.
verify-failure-bad-signature = Подпись сертификата неверна. Скачайте его снова.
verify-failure-timestamp-mismatch = Метка времени сертификата не совпадает. Скачайте его снова.
verify-missing = Загрузите оба файла: документ и его сертификат.
verify-certificate-too-large = Этот файл слишком большой для сертификата. Загрузите файл .json документа.
# Share links (service/links.rs, web/pages/links.rs)
link-section = Ссылки для передачи
link-intro = Создайте ссылку, чтобы показать этот документ человеку без учётной записи (в окошке, арендодателю). Она перестаёт работать, когда истекает срок или когда вы её отзываете.
link-intro-pro = С её согласия создайте ссылку, чтобы показать этот документ человеку без учётной записи. Она видит ссылку в своём сейфе и может её отозвать.
link-none = Нет активных ссылок.
link-expires-label = Действует
link-expires-hour = 1 час
link-expires-day = 1 день
link-expires-week = 7 дней
link-expires-month = 30 дней
link-pin-label = PIN-код
link-pin-hint = От 4 до 8 цифр. Скажите его устно человеку, которому даёте ссылку.
link-watermark-label = Водяной знак
link-watermark-hint = Печатается на каждой странице, например: копия передана в CAF 3 декабря 2026.
link-consent-label = Она согласна, чтобы я создал эту ссылку.
link-create = Создать ссылку
link-created = Ссылка создана. Покажите QR-код или дайте адрес.
link-address = Адрес ссылки
link-qr-hint = Покажите этот QR-код в окошке: он открывает документ.
link-qr-label = QR-код ссылки
link-until = Действует до { $when }
link-with-pin = С PIN-кодом
link-copy-given = Копия передана: { $text }
link-opened-times = Открыта { $count } раз
link-made-by-pro = Создана специалистом вашей организации
link-show-again = Показать адрес и QR-код
link-revoke = Отозвать
link-all-title = Мои ссылки для передачи
link-all-none = У вас нет активных ссылок.
link-page-intro = Документ, которым с вами поделились через Consigne.
link-view = Открыть документ
link-pin-ask = Введите PIN-код, который вам сказал человек.
link-pin-wrong = Неверный PIN-код. Уточните его у человека и попробуйте снова.
link-back-document = Назад к документу
notice-link-revoked = Ссылка отозвана: она больше не работает.
field-pin = PIN-код
field-expires-in-minutes = Срок действия
field-watermark = Водяной знак
error-input-invalid-pin = должен содержать от 4 до 8 цифр.
error-input-invalid-link-expiry = должен быть от 1 часа до 30 дней.
journal-share-link-created-success = { $who }: создана ссылка на «{ $what }».
journal-share-link-revoked-success = { $who }: отозвана ссылка на «{ $what }».
journal-share-link-opened-success = Кто-то открыл «{ $what }» по ссылке для передачи.

## Structure news (issue 17)
news-title = Новости
news-intro = Короткая информация для людей, которых сопровождает организация: часы работы, мастер-класс, документ, который нужно принести. Она появляется на их главной странице, на их языке, если вы его написали. Не пишите ничего личного.
news-new = Новая новость
news-text = Текст
news-text-hint = Не более 1000 символов.
news-translations = Добавить другие языки
news-translations-hint = Каждый человек читает текст на своём языке, если он есть, иначе текст выше.
news-audience = Для кого
news-audience-all = Все сопровождаемые люди
news-audience-referent = Люди, чей куратор — { $name }
news-days = Показывать
news-days-count = { $count ->
    [one] { $count } день
    [few] { $count } дня
    [many] { $count } дней
   *[other] { $count } дня
}
news-post = Опубликовать
news-shown = Показываемые новости
news-none = Новостей нет.
news-posted-by = { $name }, { $date }
news-reached = { $count ->
    [one] { $count } человек
    [few] { $count } человека
    [many] { $count } человек
   *[other] { $count } человека
}
news-until = до { $date }
news-delete = Убрать
news-her-title = Новости от ваших организаций
news-dismiss = Скрыть
journal-news-posted-success = { $who } опубликовал(а) новость.
journal-news-deleted-success = { $who } убрал(а) новость.
# Reading aid: the label of the button that reads a page title or a home tile aloud.
read-aloud = Прослушать: { $text }
# Messages with the relais (issue 17)
messages-title = Сообщения
messages-emergency = Не для экстренных случаев: звоните 115 (жильё), 15 (скорая помощь), 17 (полиция).
messages-no-relais = У вас пока нет организации, которой можно написать.
messages-unread =
    { $count ->
    [one] { $count } новое
    [few] { $count } новых
   *[other] { $count } новых
}
messages-last = Последнее сообщение: { $when }
messages-closed = Закрыт
messages-write-to = Написать в { $name }
messages-text = Ваше сообщение
messages-send = Отправить
messages-seen = Прочитано
messages-read-by = Прочитали: { $names }
messages-from-team = { $name } ({ $structure })
messages-from-person = Человек
messages-from-you = Вы
messages-document-gone = Документ больше недоступен
messages-thread-title = Сообщения с { $name }
messages-thread-pro-title = Сообщения с человеком
messages-none = Сообщений пока нет.
messages-answer = Написать сообщение
messages-attach-document = Приложить документ из сейфа
messages-no-document = Без документа
messages-attach-photo = Или добавить фото или PDF
messages-attach-hint = Он попадёт в ваш сейф и будет доступен этой организации.
messages-attach-hint-pro = Он попадёт в сейф человека и будет доступен вашей организации.
messages-closed-hint = Этот разговор закрыт.
messages-close = Закрыть этот разговор
messages-back = Назад к сообщениям
messages-back-inbox = Назад к сообщениям команды
messages-inbox-title = Сообщения команды
messages-inbox-empty = Сообщений пока нет.
notice-sent = Сообщение отправлено.
error-thread-closed = Этот разговор закрыт: сначала человек должен написать снова.
field-text = Сообщение
field-structure-id = Организация
sms-new-message = У вас новое сообщение в Consigne.
journal-message-sent-success = { $who } написал(а) в { $relais }.
journal-message-written-success = { $who } ({ $relais }) написал(а) вам.
journal-messages-read-success = Команда { $relais } прочитала ваши сообщения.
journal-thread-closed-success = { $who } закрыл(а) разговор с { $relais }.
