# Consigne — English catalogue. Keep every id in step with fr.ftl (a test checks it).

skip-to-content = Skip to content
language-label = Language
action-change-language = OK
action-logout = Log out
demo-banner = Demo: professionals and administrators log in without a second factor. Do not store real papers here.
footer-text = Consigne — your papers, safe. You decide who sees what.

error-title = Something went wrong
not-found-title = Page not found
not-found-text = This page does not exist or you cannot see it.
action-back-home = Back to the start

error-invalid-credentials = Wrong identifier or password. Check and try again. Forgot your password? Use your recovery code or ask your relais.
error-throttled = Too many attempts. Wait { $minutes } minutes, then try again.
error-wrong-code = Wrong code. Type the 6 digits shown in your app now.
error-not-found = Not found.
error-forbidden = Your account cannot do this.
error-access-pending = A colleague of your structure must log in once to give you access to its files.
error-consent = Tick the box to confirm the person agrees.
error-email-taken = This e-mail already has an account.
error-storage-full = Storage is full. Try again later or tell your relais.
error-session-expired = You were logged out. Log in again.
error-internal = Something went wrong on our side. Try again in a moment.
error-form-expired = This form has expired. Try again.
error-password-too-short = Password too short: use at least 8 characters.
error-password-too-long = Password too long.
error-password-too-weak = Password too easy to guess. A sentence of a few words is strong and easy to remember.
error-password-common = Password too common. Choose a sentence only you know.
error-password-personal = The password must not contain your name or birth date.
error-input-required = is required.
error-input-invalid-name = is not valid.
error-input-invalid-date = is not a valid date (day/month/year).
error-input-invalid-email = is not a valid e-mail address.
error-input-too-long = is too long.
error-input-invalid-phone = is not a valid phone number.
error-input-unsupported-language = is not available.
error-input-invalid-kind = is not valid.
error-input-invalid-role = is not valid.
error-input-invalid-identifier = is not valid: firstname.lastname.DDMMYYYY
error-input-invalid-amount = must be a whole number of euros.

field-first-name = First name
field-last-name = Last name
field-birth-date = Date of birth
field-phone = Phone
field-language = Language
field-email = E-mail
field-display-name = Name
field-name = Name
field-city = Town
field-kind = Kind
field-role = Role
field-identifier = Identifier
field-password = Password
field-annual-budget-eur = Annual budget (euros)
field-budget = Annual budget (euros)
field-structure-name = Name of the structure
field-structure-kind = Kind of structure
optional = (optional)
password-rules = At least 8 characters. A sentence of a few words is best. No name, no birth date.

login-title = Log in
login-identifier = Identifier
login-identifier-hint = Example: firstname.lastname.DDMMYYYY (professionals: your e-mail)
login-password = Password
action-login = Log in
login-forgot = Lost password?
login-no-account = No safe yet? A partner structure (day centre, CCAS, association) can open one with you.

totp-title = Security code
totp-code = 6-digit code from your authenticator app
action-continue = Continue
enroll-title = Set up the second factor
enroll-text = Scan this code with an authenticator app (for example FreeOTP or Aegis), then type the 6 digits it shows.
enroll-manual = Cannot scan? Type this key in the app:
action-confirm = Confirm
action-retry = Try again

recover-title = Lost password
recover-text = Use the recovery code printed on your sheet to choose a new password.
recover-source = Which code do you have?
recover-source-sheet = The code on my recovery sheet
recover-source-relay = A code my relais just gave me
recover-code = Recovery code
recover-code-hint = The code on your sheet, for example ABCD-EFGH-…
recover-new-password = New password
action-recover = Choose this password
recover-no-code = No code? Go to your relais: a social worker can help you in person.
recover-done-title = New password saved
recover-done-text = Your old code no longer works. Here is your new recovery code: write it down or print it, and keep it in a safe place.
action-print = Print

logout-title = You are logged out
logout-text = Nothing of your safe stays on this device. You can close this page.

home-title = My safe
home-hello = Hello { $name }
home-sections = My sections
home-invitations = { $count ->
    [one] A structure wants to follow you.
   *[other] { $count } structures want to follow you.
}
notice-failed-logins = { $count ->
    [one] Since your last visit, someone failed to log in to your safe once.
   *[other] Since your last visit, someone failed to log in to your safe { $count } times.
} If it was not you, change your password in My account.
notice-recovered = Your password was changed with your recovery code on { $date }. If it was not you, go to your relais quickly.
notice-password-changed = Your password was changed on { $date }. If it was not you, go to your relais quickly.
action-see = See
section-relais = My relais
section-settings = My account

relais-intro = Your relais are the structures that follow you. For each one, you see what it can see.
relais-none = You have no relais at the moment.
relais-since = Since { $date }
relais-recovery = This relais can help you recover access in person.
relais-sees = What this relais sees:
relais-sees-identity = Your name, birth date, phone and language.
action-leave = Leave this relais
reset-title = Reset the password in person
reset-intro = The person lost her password and her recovery sheet? With her in front of you, start a reset: you get a code to give her, and she chooses her new password herself.
action-start-reset = Start a reset
reset-give = Give this code to the person (write it down or print it). You never see or choose her password.
reset-step-1 = On the login page, she chooses "Lost password?".
reset-step-2 = She types her identifier, ticks "A code my relais just gave me" and types this code.
reset-step-3 = She chooses her new password and gets a new recovery sheet.
reset-valid-until = Valid once, until { $date }
reset-not-recovery-relay = Your structure is not one of the relais she chose to help her recover access. She can choose it in "My relais".
action-recovery-on = Let this relais help me get back into my safe
action-recovery-off = Stop letting this relais help me get back in
invitations-title = Invitations
invitation-text = { $structure } wants to follow you.
action-accept = Accept
action-decline = Decline
leave-question = Leave { $structure }?
leave-text = This structure will no longer see anything of your safe. You can be invited again later.
action-leave-confirm = Yes, leave
action-cancel = Cancel

settings-language = Language
settings-password = Password
settings-current-password = Current password
settings-new-password = New password
settings-password-changed = Password changed. Your other sessions have been closed.
action-save = Save

pro-title = My structure
pro-no-structure = You are not a member of any structure yet.
pro-mediation = Mediation structure: you can open safes, but you see no one's content.
pro-followed = { $count ->
    [one] { $count } person followed
   *[other] { $count } people followed
}
pro-followed-none = Nobody yet.
pro-invite-label = Invite a person who already has a safe (identifier)
action-invite = Invite
action-open-safe = Open a safe
team-title = Team
invite-sent-title = Invitation sent
invite-sent-text = If this identifier exists, the person will see the invitation next time she logs in.

open-title = Open a safe
open-intro = With the person, and with her agreement. She will log in with her identifier and her password.
open-password-legend = Password
open-password-typed = The person types her password
open-password-generate = Generate a 5-word passphrase
open-password-field = Password typed by the person
open-consent = The person agrees to have a safe and has been told who can see what.

sheet-title = Recovery sheet
sheet-identifier = Identifier
sheet-recovery-code = Recovery code
sheet-lost-title = If you lose your password
sheet-lost-1 = Go to consigne and choose "Lost password".
sheet-lost-2 = Type your identifier and this recovery code, then choose a new password.
sheet-lost-3 = No sheet? Go to your relais: a social worker can help you in person.
sheet-keep = Keep this sheet in a safe place, apart from your phone. Nobody at Consigne can read your safe.
sheet-passphrase-title = Password
sheet-passphrase-text = Show this password to the person so she can learn it or write it down. It is not printed.
sheet-print-hint = To print, use your browser's Print menu.
action-done = Done

team-empty = No professional yet.
team-pending = access pending
team-add = Add a professional
team-initial-password = Initial password
team-added = { $name } has been added.
role-member = Member
role-admin = Structure admin
action-add = Add

admin-title = Structures
admin-structures = Partner structures
admin-no-structure = No structure yet.
admin-create = Register a structure
structure-kind-relay = Relay (follows people)
structure-kind-mediation = Mediation (opens safes, sees no content)
action-create = Register
