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

# Documents and journal
section-documents = My papers
section-journal = My journal
doc-folders = Folders
doc-none = No document here yet. Take a photo of a paper or add a file below.
doc-none-shared = The person shares no document with your structure.
doc-shared-with-you = Documents shared with your structure
doc-type-pdf = PDF
doc-type-photo = Photo
doc-expires = expires on { $date }
doc-scan-title = Take photos of a paper
doc-scan-hint = One photo per page. All the photos become one PDF document, pages in the order chosen.
doc-scan-photos = Photos (camera)
doc-scan-submit = Save the scan
doc-add-title = Add a file
doc-file = File
doc-file-hint = A photo (JPEG, PNG, WebP) or a PDF, { $max } MB at most.
doc-name = Name of the document
doc-add-submit = Add to my safe
doc-new-folder = New folder
doc-folder-name = Folder name
doc-folder = Folder
doc-expiry = Expiry date
doc-edit = Name, folder, expiry date
doc-download = Download
doc-shared-computer-warning = On a shared computer, the downloaded file stays in the Downloads folder: delete it after use.
doc-who-sees = Who sees this document
doc-private-no-relais = Only you: you have no relais.
doc-share-legend = Share with my relais
doc-added-by = Added by { $who } on { $date }.
doc-delete = Delete this document
doc-delete-question = Delete "{ $name }"?
doc-delete-text = The document will be erased for good, for you and your relais.
doc-delete-confirm = Yes, delete
relais-sees-documents = { $count ->
    [one] { $count } document you share with it.
   *[other] { $count } documents you share with it.
}
error-unsupported-type = This type of file is not accepted. Send a photo (JPEG, PNG, WebP) or a PDF.
error-file-too-large = The file is too large ({ $max } MB at most). Take a new photo or ask your relais.
error-pdf-not-checkable = This PDF is too large to be cleaned here (over { $max } MB) and it contains scripts, attached files or parts we cannot check. Save it again as a PDF (Print, then Save as PDF) or send it in several smaller files.
error-photo-too-large = This photo is too large (over { $max } MB). Take it again with a lower resolution, or send it as a PDF.
error-too-many-files = Too many photos at once (20 at most).
error-quota = Your safe is full. Delete documents you no longer need.
error-input-damaged-file = is damaged or incomplete. Try again with another copy.
error-input-malformed-upload = was not received completely. Try again.
field-file = The file
journal-intro = Everything that happened in your safe: who opened or changed what, and when.
journal-you = you
journal-someone = someone
journal-deleted-document = a deleted document
journal-login-success = { $who } logged in.
journal-login-failure = Someone failed to log in to your safe.
journal-safe-opened-success = { $who } opened your safe.
journal-profile-viewed-success = { $who } looked at your details.
journal-invitation-sent-success = { $who } invited you to be followed.
journal-invitation-accepted-success = { $who } accepted an invitation.
journal-invitation-declined-success = { $who } declined an invitation.
journal-relay-left-success = { $who } left a relais.
journal-password-changed-success = { $who } changed the password.
journal-recovered-with-code-success = The password was reset with the recovery code.
journal-recovered-in-person-success = The password was reset at your relais.
journal-reset-started-success = { $who } started a password reset with you.
journal-recovery-relay-added-success = { $who } allowed a relais to help recover access.
journal-recovery-relay-removed-success = { $who } withdrew a relais' right to help recover access.
journal-document-uploaded-success = { $who } added "{ $what }".
journal-document-viewed-success = { $who } viewed "{ $what }".
journal-document-downloaded-success = { $who } downloaded "{ $what }".
journal-document-renamed-success = { $who } renamed "{ $what }".
journal-document-moved-success = { $who } moved "{ $what }".
journal-document-expiry-set-success = { $who } changed the expiry date of "{ $what }".
journal-document-deleted-success = { $who } deleted a document.
journal-document-shared-success = { $who } shared "{ $what }" with a relais.
journal-document-unshared-success = { $who } stopped sharing "{ $what }".
journal-folder-created-success = { $who } created a folder.
journal-folder-deleted-success = { $who } deleted a folder.
journal-document-exported-success = { $who } exported "{ $what }" in a copy of the safe.
export-title = Take everything with me
export-text = One file (ZIP) with all your documents, a data.json file with everything else, and a list of fingerprints to check nothing changed.
export-download = Download my safe
delete-account-title = Delete my safe
delete-account-text = Everything is erased for good: your documents, your relais, your account. Download your safe first if you want to keep a copy.
delete-account-password = Your password, to confirm
delete-account-confirm = Delete everything
delete-account-done-title = Your safe is deleted
delete-account-done-text = Nothing of it remains. A partner structure can open a new safe with you at any time.
doc-page-up = Move page up
doc-page-down = Move page down
doc-folder-edit = Rename or move this folder
doc-folder-delete-hint = What it holds goes back to "My papers": no document is lost.
doc-folder-delete = Delete this folder
error-folder-cycle = A folder cannot go into one of its own subfolders.
