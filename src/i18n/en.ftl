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
error-input-invalid-phone = is not a valid number. Type it like this, for example: 06 12 34 56 78, +44 20 7946 0958 or 115.
error-input-unsupported-language = is not available.
error-input-invalid-kind = is not valid.
error-input-invalid-role = is not valid.
error-input-invalid-identifier = is not valid: firstname.lastname.DDMMYYYY, in Latin letters (example: amina.benali.14021990)
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
login-identifier-hint = Example: amina.benali.14021990 (firstname.lastname.DDMMYYYY, in Latin letters; professionals: your e-mail)
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
action-start-reset = Start a reset
reset-give = Give this code to the person (write it down or print it). You never see or choose her password.
reset-step-1 = On the login page, she chooses "Lost password?".
reset-step-2 = She types her identifier, ticks "A code my relais just gave me" and types this code.
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
sheet-lost-1 = Go to { $address } (or scan the code) and choose "{ $forgot }".
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
doc-no-preview = No preview for this document. Download it to read it.
doc-pages = Pages of the document
doc-page-alt = Page { $n } of { $total }
doc-pages-partial = The first { $shown } pages of { $total } are shown. Download the document to see the others.
pro-doc-back = Back to the person's file
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
journal-reset-started-success = { $who } asked for a reset of your password.
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
journal-viewed-times = { $who } viewed "{ $what }" { $count } times.
journal-shared-with = { $who } shared "{ $what }" with { $relais }.
journal-unshared-with = { $who } stopped sharing "{ $what }" with { $relais }.
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

## Contacts, notes and appointments
section-contacts = My contacts
section-notes = My notes
section-events = My appointments
contact-add = Add a contact
note-add = Add a note
event-add = Add an appointment
contact-none = No contacts yet.
note-none = No notes yet.
event-none = No appointments yet.
contact-none-shared = The person shares no contact with your structure.
note-none-shared = The person shares no note with your structure.
event-none-shared = The person shares no appointment with your structure.
contact-shared-with-you = Contacts shared with your structure
note-shared-with-you = Notes shared with your structure
event-shared-with-you = Appointments shared with your structure
note-list-hint = The text of a note stays hidden here: open the note to read it.
event-upcoming = Coming up
event-past = Past
event-reminder-1440 = Text message 1 day before
event-reminder-120 = Text message 2 hours before
event-reminder-minutes = Text message { $minutes } minutes before
item-edit = Change
item-delete = Delete
item-delete-question = Delete "{ $name }"?
item-delete-text = It will be erased for good, for you and for your relais.
item-delete-confirm = Yes, delete
item-who-sees = Who sees this
item-added-by = Added by { $who } on { $date }.
item-back-to-file = Back to the person's file
field-title = Title
field-body = Text
field-address = Address
field-comment = Comment
field-date = Date
field-time = Time
field-starts-at = Date and time
field-location = Place
field-reminders = Reminders
error-input-invalid = is not valid.
error-input-invalid-datetime = is not a valid date and time.
error-input-invalid-reminder = is not a valid reminder.
error-input-too-many-reminders = : 5 reminders at most.
relais-sees-contacts = Contacts you share with it: { $count }
relais-sees-notes = Notes you share with it: { $count }
relais-sees-events = Appointments you share with it: { $count }
journal-deleted-item = something since deleted
journal-contact-created-success = { $who } added the contact "{ $what }".
journal-contact-viewed-success = { $who } opened the contact "{ $what }".
journal-contact-updated-success = { $who } changed the contact "{ $what }".
journal-contact-deleted-success = { $who } deleted a contact.
journal-contact-shared-success = { $who } shared the contact "{ $what }" with a relais.
journal-contact-unshared-success = { $who } stopped sharing the contact "{ $what }".
journal-note-created-success = { $who } added the note "{ $what }".
journal-note-viewed-success = { $who } opened the note "{ $what }".
journal-note-updated-success = { $who } changed the note "{ $what }".
journal-note-deleted-success = { $who } deleted a note.
journal-note-shared-success = { $who } shared the note "{ $what }" with a relais.
journal-note-unshared-success = { $who } stopped sharing the note "{ $what }".
journal-event-created-success = { $who } added the appointment "{ $what }".
journal-event-viewed-success = { $who } opened the appointment "{ $what }".
journal-event-updated-success = { $who } changed the appointment "{ $what }".
journal-event-deleted-success = { $who } deleted an appointment.
journal-event-shared-success = { $who } shared the appointment "{ $what }" with a relais.
journal-event-unshared-success = { $who } stopped sharing the appointment "{ $what }".
sms-event-reminder = Consigne: you have an appointment on { $date } at { $time }. Details in your safe.
sms-expiry-reminder = Consigne: one of your papers expires in { $days } days. Open your safe to renew it in time.
reminder-status-scheduled = planned
reminder-status-sent = sent
reminder-status-delivered = received
reminder-status-failed = not received
home-expiring-title = Papers to renew soon
home-expiring-item = { $name }: expires on { $date }
home-expired-item = { $name }: expired on { $date }
home-expiring-more = … and { $count } more: see my papers
agenda-download = Download my agenda (.ics file)
contacts-download = Download my contacts (.vcf file)
feed-title = My appointments on my phone
feed-open = Show my appointments in my phone's calendar
feed-intro = Your phone's calendar can show your appointments and keep them up to date. It uses a private link: keep it to yourself.
feed-none = You have no private link yet.
feed-create = Make my private link
feed-created = Your private link is ready.
feed-subscribe = Add to my phone's calendar
feed-link-label = My private link
feed-qr-hint = Or scan this code with your phone.
feed-warning = Anyone with this link sees your appointments (not your papers). If you gave it by mistake, stop it.
feed-hidden = This link cannot be shown again here. Make a new one if you need it.
feed-last-read = Last read by a calendar: { $when }
feed-never-read = No calendar has read it yet.
feed-renew = Make a new link (the old one stops)
feed-revoke = Stop this link
feed-revoked = The link is stopped. No calendar can read your appointments with it now.
journal-calendar-feed-created-success = { $who } made a private calendar link.
journal-calendar-feed-revoked-success = { $who } stopped the private calendar link.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = Your staff account needs a second factor. Continue to get the key to enter in your authenticator app.
# issue 11: members
error-access-pending-approval = An admin of your structure who holds its key must approve your access first.
error-account-deactivated = This account was deactivated by your structure. Ask its admin if this is a mistake.
error-last-key-holder = This is the last member who holds the structure's key: approve another member first, or nobody could open what people share with the structure.
error-member-not-pending = This member is not waiting for approval any more.
error-key-not-held = You do not hold the structure's key yet.
team-pending-title = Waiting for approval
team-approve-hint = Approve only a colleague you know, after checking with her in person: approving gives her the key to everything people share with the structure.
team-pending-hint = An admin of the structure who holds its key must approve these members before they see anything.
team-requested = Asked by { $name } on { $date }
team-requested-unknown = someone
team-approve = Approve
team-refuse = Refuse
team-no-key = no key
team-deactivate = Deactivate
team-deactivate-hint = Deactivating a member ends her sessions at once, removes her access and renews the structure's key. She stays in the journals.
team-former-title = Former members
team-deactivated-on = deactivated on { $date }
team-add-pending-hint = You do not hold the structure's key: the new member will wait until an admin who holds it approves her.
team-added-pending = { $name } has been added and waits for an admin's approval.
team-approved = The member has been approved: she now has access to the structure's files.
team-deactivated = The member has been deactivated: her sessions are ended and the structure's key is being renewed.
journal-member-added-success = { $who } added a member to the structure.
journal-member-requested-success = { $who } asked for a new member of the structure.
journal-member-approved-success = { $who } approved a member of the structure.
journal-member-deactivated-success = { $who } deactivated a member of the structure.
journal-structure-key-rotated-success = The structure's key was renewed.
# issue 11: reset
reset-intro-confirmed = The person lost her password and her recovery sheet? With her in front of you, ask for a reset. A colleague of your structure must confirm it; the code is then given to her, and she chooses her new password herself.
reset-awaiting-text = The reset is asked for. A colleague of your structure must confirm it from their home page: the code is then shown to them, to give to the person.
reset-delayed-text = You are the only member of your structure who can confirm it. To protect her, the code can only be made from { $date }. Come back with her then: the request will be on your home page.
reset-she-is-told = The person has been told (by SMS if her number is known, and on her page). She can cancel it.
reset-step-3-new-sheet = She chooses her new password, logs in, and prints a new recovery sheet.
resets-pending-title = Resets waiting for a confirmation
resets-pending-item = { $person }: asked by { $who } on { $date }.
resets-confirmed = Already confirmed: the code was given once.
resets-delayed-until = Only you can confirm it, from { $date }.
resets-needs-colleague = Another member of the structure must confirm it.
action-confirm-reset = Confirm and show the code
action-cancel-reset = Cancel this reset
notice-reset-started = A reset of your password was asked for at { $structure } on { $date }.
notice-reset-delayed = It cannot be used before { $date }.
notice-reset-not-you = If you did not ask for it, cancel it now.
notice-new-sheet = Your recovery code no longer works. Print a new recovery sheet now and keep it in a safe place.
action-new-sheet = Make my new recovery sheet
new-sheet-title = A new recovery sheet
new-sheet-text = This makes a new recovery code; the old one stops working. Print the sheet or write the code down, and keep it in a safe place, not with your phone.
new-sheet-login-again = To protect you, log out and log in again, then come back to make your sheet.
phone-title = My phone number
phone-text = Used only to send you reminders and security messages (for example if someone asks to reset your password). Leave it empty to remove it.
phone-hint = For example 06 12 34 56 78
phone-pro-text = Change it only with the person. She will see it in her journal; her old number gets a message.
open-recovery-legend = May your structure help her get back into her safe?
open-recovery-consequence = Ask her. If she says yes, this relais can help her get back in if she loses her password and her sheet; in the worst case it could open her safe. She can change her mind at any time in "My relais".
open-recovery-yes = Yes, this relais may help her get back in
open-recovery-no = No
open-recovery-required = Say whether this relais may help her get back in.
relais-recovery-consequence = A relais that may help you get back in can do so if you lose your password and your sheet; in the worst case it could open your safe. You are told each time, and you can cancel.
recover-done-new-sheet = Your password is changed. Your old recovery code no longer works: log in now and print a new recovery sheet.
sms-reset-started = Consigne: someone asked to reset access to your safe. If it was not you, log in and cancel it.
sms-phone-changed = Consigne: the phone number of your safe was changed. If it was not you, talk to your relais.
journal-reset-confirmed-success = { $who } confirmed a password reset.
journal-reset-cancelled-success = { $who } cancelled a password reset.
journal-recovery-code-renewed-success = { $who } printed a new recovery sheet (the old code no longer works).
journal-phone-changed-success = { $who } changed the phone number.
journal-phone-removed-success = { $who } removed the phone number.
# issue 11: media (image and PDF bombs)
error-image-too-large = This image has too many pixels to be processed here (over { $max } megapixels, or too many colours per pixel). Take the photo again with a lower resolution, or send it as a PDF.
error-pdf-too-complex = This PDF unpacks to too much data to be processed here. Save it again as a PDF (Print, then Save as PDF) or send it in several smaller files.
# issue 11: requests
error-field-too-long = A field of the form is too long (the name, for example): shorten it and send again.
error-scan-too-large = These photos are too large together (over { $max } MB): send fewer pages at once, or take them with a lower resolution.
# issue 12: paginated lists, the professional's search
pager-label = List pages
pager-previous = Previous page
pager-next = Next page
pager-position = Page { $page }
field-page = The page number
error-input-invalid-page = must be a whole number from 1 to 100000.
pro-search-label = Find a person (name, first name or date of birth)
action-search = Search
pro-search-clear = Clear the search
pro-search-none = Nobody matches this search.
pro-search-found = { $count ->
    [one] { $count } person found
   *[other] { $count } people found
}

## Times (local, to the minute)
time-zone-name = { $city } time
times-note = Times are { $city } time.

## The printed recovery sheet, a structure's phone
sheet-address = Website
sheet-qr-label = Scan this code with your phone: it opens the login page.
sheet-relay = Your relais, who can help you in person
sheet-made = Sheet made on { $date }.
field-structure-phone = Structure's phone number
structure-phone-hint = Printed on the recovery sheet of the people who chose your structure to help them get back into their safe.
structure-phone-saved = The structure's number is saved.
journal-structure-phone-changed-success = { $who } changed the structure's phone number.

## Show password
password-show = Show the password

## Ready-made folders of a new safe
folder-identity = Identity
folder-health = Health
folder-housing = Housing
folder-income = Income
folder-family = Family
folder-other = Other
error-input-short-number = cannot receive text messages. Give a mobile number, for example 06 12 34 56 78 or +44 7700 900123.
login-identifier-homonym = Dots, spaces or dashes, as you like (amina benali 14/02/1990). If your sheet shows a number after the date (for example -2), type it too.
sheet-homonym = Your identifier ends with “{ $number }”: someone else has the same name and birth date. Always type “{ $number }” at the end.
error-invalid-recovery = Wrong identifier or code. Check both: the identifier and the recovery code are on your sheet, or the code came from your relais. Without a valid code, go to your relais.
notice-recovered-in-person = Your password was changed on { $date } with a code given by your relais (in-person reset). If it was not you, go to your relais quickly.
recover-done-in-person = Your password is changed with the code from your relais. Your old recovery sheet no longer works either: log in now and print a new recovery sheet.
doc-add-submit-for-her = Add to this person's safe
journal-document-expiry-removed-success = { $who } removed the expiry date of "{ $what }".
doc-pro-corrections = Correct what your structure added
doc-pro-corrections-hint = You may correct the name or the expiry date, or delete a document your structure added, as long as the person has not changed it herself or stopped sharing it. She sees it in her journal.
doc-pro-delete-text = Delete this document from the person's safe, for good.
reminder-status-no_phone = no phone number: nothing will be sent
reminder-add-phone = Add a number
phone-remove = Remove this number
phone-current = Number on file:
phone-none = No number: SMS reminders cannot be sent.
phone-add = Add my number
phone-change = Change or remove my number

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = Saved.
notice-added = Added to the safe.
notice-deleted = Deleted.
notice-shared = Saved: the relais you ticked can see it.
notice-private = Saved: it is private, only you can see it.
notice-invitation-accepted = Invitation accepted: this relais now supports you.
notice-invitation-declined = Invitation declined: this relais sees nothing of your safe.
notice-relay-left = You have left this relais: it no longer sees anything of your safe.
notice-page-added = Photo added.
notice-page-removed = Page removed.
notice-scan-cancelled = The photos are erased.
mark-private = Private
mark-shared = { $count ->
    [one] Shared with 1 relais
   *[other] Shared with { $count } relais
}
mark-shared-structure = Shared with your structure
scan-take = Take a photo
scan-take-another = Take a photo of another page
scan-hint = One photo per page. Then you check the pages, give a name and save.
scan-hint-again = You can still change the order of the pages before saving.
scan-chosen = Photo ready: press “Continue”.
scan-review-title = Check the photos
scan-review-text = { $count ->
    [one] One page.
   *[other] { $count } pages.
} Check that every page is easy to read and that the pages are in order.
scan-page = Page { $number }
scan-remove = Remove
scan-remove-page = Remove page { $number }
scan-save-title = Name and save
scan-save = { $count ->
    [one] Save the document (1 page)
   *[other] Save the document ({ $count } pages)
}
scan-cancel = Cancel and erase these photos
scan-gone-title = These photos are no longer here
scan-gone-text = Photos are kept for an hour, as long as you stay logged in: they were saved, cancelled or erased. Take them again.

# Issue 14: a structure's statistics.
stats-title = Statistics
stats-intro = Each figure counts data the server sees in clear (dates, kinds, counters): no content is decrypted to compute them. Days are those of the platform's time zone.
stats-structure = Structure
field-from = From
field-to = To
stats-period = From { $from } to { $to }
stats-no-rate = — (no safe opened)
stats-download-csv = Download (CSV)
stats-download-ods = Download (ODS spreadsheet)
error-input-invalid-period = is not a valid period: the start must come before the end, ten years at most.
stats-from = Start of the period
stats-from-def = First day counted.
stats-to = End of the period
stats-to-def = Last day counted.
stats-people-followed = People followed
stats-people-followed-def = People who have the structure as one of their relais at the end of the period: they chose it before that date and have not left it since (Consigne keeps no record of who left).
stats-safes-opened = Safes opened
stats-safes-opened-def = Safes opened by a professional of the structure during the period.
stats-safes-reconnected = People reconnected
stats-safes-reconnected-def = Among those safes, the ones whose owner logged in herself at least once between day 1 and day 183 after the opening. Day n starts n × 24 hours after the opening: the day of the opening does not count, nor does a login after day 183.
stats-reconnection-rate = Reconnection rate
stats-reconnection-rate-def = People reconnected divided by safes opened (empty when no safe was opened). A safe opened less than 184 days ago already counts.
stats-relais-accepted = New relais accepted
stats-relais-accepted-def = People who accepted during the period that the structure become one of their relais (an invitation accepted). The safes the structure opened are not counted here.
stats-documents-added-by-professionals = Documents added by professionals
stats-documents-added-by-professionals-def = Documents a professional of the structure added to a person's safe during the period (those deleted since no longer count).
stats-documents-added-by-people = Documents added by the people
stats-documents-added-by-people-def = Documents the people added themselves during the period and share with the structure. Those they keep to themselves are not counted.
stats-sms-sent = SMS sent
stats-sms-sent-def = SMS reminders sent during the period to the people whose safe the structure opened.
stats-sms-segments = SMS segments
stats-sms-segments-def = Segments the operator counted for those SMS (a long text, or one with special characters, counts several).

# Household (issue 14, item 3)
family-title = My family
family-intro = Link your safe with the safes of your family (partner, children, parents) if they agree, and note the people in your care who have no safe. A link never shows your relais more than what you share with them.
family-links-title = Linked safes
family-none = No one yet.
family-state-linked = Linked
family-state-waiting-for-me = Asks to link with you
family-state-waiting-for-them = Waiting for their answer
family-a-relais = a relais
family-proposed-by = Proposed by { $structure }
family-undo = Undo the link
family-ask-title = Ask to link a safe
family-ask-hint = Type the identifier of the other person's safe. She sees your request in her safe and chooses to accept it. A child with her own safe accepts it herself.
family-ask-action = Send the request
family-ask-sent = If a safe has this identifier, its owner will see your request in her safe. The link exists only once she accepts it.
family-dependants-title = People in my care without a safe
family-dependants-hint = Only you see them, unless you show one to a relais.
family-show-to = Show to { $relais }
family-hide-from = Stop showing to { $relais }
family-delete = Delete
family-dependant-add = Add a person
family-pro-title = Family
family-pro-intro = The linked safes whose owner also has your structure as relais, and the people in their care they show you. A link never shows you more.
family-pro-members = Members
family-pro-dependants = People in their care
family-pro-of = noted by { $name }
family-propose-title = Propose a link
family-propose-hint = Each person must accept it in her own safe.
family-propose-action = Propose
family-pro-back = Back to the person's file
field-relation = Relation
field-member = Person
relation-partner = Partner
relation-child = Child
relation-parent = Parent
relation-sibling = Brother or sister
relation-other = Other
error-input-invalid-relation = is not valid: choose one from the list.
error-household-exists = These two safes are already linked or asked to be. See the family page.
journal-household-link-asked-success = { $who } asked to link two safes of a family.
journal-household-link-proposed-success = { $who } proposed to link two safes of a family.
journal-household-link-accepted-success = { $who } accepted a family link.
journal-household-link-removed-success = { $who } removed a family link.
journal-household-viewed-success = { $who } looked at the family file.
journal-dependant-added-success = { $who } added a person in your care.
journal-dependant-deleted-success = { $who } deleted a person in your care.
journal-dependant-shown-success = { $who } showed a person in your care to { $relais }.
journal-dependant-hidden-success = { $who } stopped showing a person in your care to { $relais }.
