# Consigne — catalog românesc. Fiecare id urmează fr.ftl (un test verifică).
# "relais" = "organizație de sprijin". Ne adresăm persoanei cu „tu”.

skip-to-content = Salt la conținut
language-label = Limba
action-change-language = OK
action-logout = Deconectare
demo-banner = Demonstrație: profesioniștii și administratorii se conectează fără al doilea factor. Nu pune aici acte adevărate.
footer-text = Consigne — actele tale, în siguranță. Tu decizi cine ce vede.

error-title = A apărut o problemă
not-found-title = Pagina nu a fost găsită
not-found-text = Această pagină nu există sau nu ai voie să o vezi.
action-back-home = Înapoi la început

error-invalid-credentials = Nume de utilizator sau parolă greșită. Verifică și încearcă din nou. Ai uitat parola? Folosește codul de recuperare sau cere ajutor organizației tale de sprijin.
error-throttled = { $minutes ->
    [one] Prea multe încercări. Așteaptă { $minutes } minut, apoi încearcă din nou.
    [few] Prea multe încercări. Așteaptă { $minutes } minute, apoi încearcă din nou.
   *[other] Prea multe încercări. Așteaptă { $minutes } de minute, apoi încearcă din nou.
}
error-wrong-code = Cod greșit. Scrie cele 6 cifre afișate acum în aplicația ta.
error-not-found = Nu a fost găsit.
error-forbidden = Contul tău nu poate face asta.
error-access-pending = Un coleg din organizația ta trebuie să se conecteze o dată ca să-ți dea acces la dosarele ei.
error-consent = Bifează căsuța ca să confirmi acordul persoanei.
error-email-taken = Această adresă de e-mail are deja un cont.
error-storage-full = Spațiul de stocare este plin. Încearcă mai târziu sau anunță organizația ta de sprijin.
error-session-expired = Sesiunea ta s-a închis. Conectează-te din nou.
error-internal = A apărut o problemă la noi. Încearcă din nou peste un moment.
error-form-expired = Acest formular a expirat. Încearcă din nou.
error-password-too-short = Parolă prea scurtă: cel puțin 8 caractere.
error-password-too-long = Parolă prea lungă.
error-password-too-weak = Parolă prea ușor de ghicit. O frază din câteva cuvinte este sigură și ușor de ținut minte.
error-password-common = Parolă prea des folosită. Alege o frază pe care doar tu o știi.
error-password-personal = Parola nu trebuie să conțină numele tău sau data nașterii.
# Aceste mesaje vin după numele câmpului: „Prenume — câmp obligatoriu.”
error-input-required = — câmp obligatoriu.
error-input-invalid-name = — nu este valid.
error-input-invalid-date = — nu este o dată validă (zi/lună/an).
error-input-invalid-email = — nu este o adresă de e-mail validă.
error-input-too-long = — textul este prea lung.
error-input-invalid-phone = — nu este un număr valid. Scrie-l de exemplu așa: 06 12 34 56 78, +44 20 7946 0958 sau 115.
error-input-unsupported-language = — această limbă nu este disponibilă.
error-input-invalid-kind = — nu este valid.
error-input-invalid-role = — nu este valid.
error-input-invalid-identifier = — nu este valid: prenume.nume.ZZLLAAAA, cu litere latine (exemplu: amina.benali.14021990)
error-input-invalid-amount = — trebuie să fie un număr întreg de euro.

field-first-name = Prenume
field-last-name = Nume
field-birth-date = Data nașterii
field-phone = Telefon
field-language = Limba
field-email = E-mail
field-display-name = Nume
field-name = Nume
field-city = Oraș
field-kind = Tip
field-role = Rol
field-identifier = Nume de utilizator
field-password = Parolă
field-annual-budget-eur = Buget anual (euro)
field-budget = Buget anual (euro)
field-structure-name = Numele organizației
field-structure-kind = Tipul organizației
optional = (opțional)
password-rules = Cel puțin 8 caractere. Cel mai bine este o frază din câteva cuvinte. Fără nume, fără data nașterii.

login-title = Conectare
login-identifier = Nume de utilizator
login-identifier-hint = Exemplu: amina.benali.14021990 (prenume.nume.ZZLLAAAA, cu litere latine; profesioniști: e-mailul tău)
login-password = Parolă
action-login = Conectare
login-forgot = Ai uitat parola?
login-no-account = Nu ai încă un seif? O organizație parteneră (centru de zi, CCAS, asociație) poate deschide unul împreună cu tine.

totp-title = Cod de securitate
totp-code = Codul din 6 cifre din aplicația ta de autentificare
action-continue = Continuă
enroll-title = Activează al doilea factor
enroll-text = Scanează acest cod cu o aplicație de autentificare (de exemplu FreeOTP sau Aegis), apoi scrie cele 6 cifre pe care le afișează.
enroll-manual = Nu poți scana? Scrie această cheie în aplicație:
action-confirm = Confirmă
action-retry = Încearcă din nou

recover-title = Parolă pierdută
recover-text = Folosește codul de recuperare tipărit pe fișa ta ca să alegi o parolă nouă.
recover-source = Ce cod ai?
recover-source-sheet = Codul de pe fișa mea de recuperare
recover-source-relay = Un cod pe care organizația mea de sprijin tocmai mi l-a dat
recover-code = Cod de recuperare
recover-code-hint = Codul de pe fișa ta, de exemplu ABCD-EFGH-…
recover-new-password = Parolă nouă
action-recover = Alege această parolă
recover-no-code = Nu ai codul? Mergi la organizația ta de sprijin: un asistent social te poate ajuta pe loc.
recover-done-title = Parola nouă a fost salvată
action-print = Tipărește

logout-title = Te-ai deconectat
logout-text = Nimic din seiful tău nu rămâne pe acest dispozitiv. Poți închide această pagină.

home-title = Seiful meu
home-hello = Bună ziua, { $name }
home-sections = Secțiunile mele
home-invitations = { $count ->
    [one] O organizație vrea să te însoțească.
    [few] { $count } organizații vor să te însoțească.
   *[other] { $count } de organizații vor să te însoțească.
}
notice-failed-logins = { $count ->
    [one] De la ultima ta vizită, cineva a încercat o dată, fără succes, să intre în seiful tău.
    [few] De la ultima ta vizită, cineva a încercat de { $count } ori, fără succes, să intre în seiful tău.
   *[other] De la ultima ta vizită, cineva a încercat de { $count } de ori, fără succes, să intre în seiful tău.
} Dacă nu ai fost tu, schimbă-ți parola în Contul meu.
notice-recovered = Parola ta a fost schimbată cu codul de recuperare la data de { $date }. Dacă nu ai fost tu, mergi repede la organizația ta de sprijin.
notice-password-changed = Parola ta a fost schimbată la data de { $date }. Dacă nu ai fost tu, mergi repede la organizația ta de sprijin.
action-see = Vezi
section-relais = Organizațiile mele de sprijin
section-settings = Contul meu

relais-intro = Organizațiile tale de sprijin sunt organizațiile care te însoțesc. Pentru fiecare, vezi ce poate să vadă.
relais-none = Deocamdată nu ai nicio organizație de sprijin.
relais-since = Din { $date }
relais-recovery = Această organizație de sprijin te poate ajuta pe loc să-ți recapeți accesul.
relais-sees = Ce vede această organizație de sprijin:
relais-sees-identity = Numele tău, data nașterii, telefonul și limba.
action-leave = Renunță la această organizație de sprijin
reset-title = Resetarea parolei pe loc
action-start-reset = Pornește o resetare
reset-give = Dă acest cod persoanei (notează-l sau tipărește-l). Nu vezi și nu alegi niciodată parola ei.
reset-step-1 = Pe pagina de conectare, persoana alege „Ai uitat parola?”.
reset-step-2 = Își scrie numele de utilizator, bifează „Un cod pe care organizația mea de sprijin tocmai mi l-a dat” și scrie acest cod.
reset-valid-until = Valabil o singură dată, până la { $date }
reset-not-recovery-relay = Organizația ta nu este printre organizațiile de sprijin alese de persoană ca să o ajute să-și recapete accesul. Persoana o poate alege în „Organizațiile mele de sprijin”.
action-recovery-on = Permite acestei organizații de sprijin să mă ajute să-mi recapăt accesul la seif
action-recovery-off = Nu mai permite acestei organizații de sprijin să mă ajute să-mi recapăt accesul la seif
invitations-title = Invitații
invitation-text = { $structure } vrea să te însoțească.
action-accept = Acceptă
action-decline = Refuză
leave-question = Renunți la { $structure }?
leave-text = Această organizație nu va mai vedea nimic din seiful tău. Te va putea invita din nou mai târziu.
action-leave-confirm = Da, renunț
action-cancel = Anulează

settings-language = Limba
settings-password = Parolă
settings-current-password = Parola actuală
settings-new-password = Parolă nouă
settings-password-changed = Parola a fost schimbată. Celelalte sesiuni ale tale au fost închise.
action-save = Salvează

pro-title = Organizația mea
pro-no-structure = Încă nu faci parte din nicio organizație.
pro-mediation = Organizație de mediere: poți deschide seifuri, dar nu vezi conținutul nimănui.
pro-followed = { $count ->
    [one] { $count } persoană însoțită
    [few] { $count } persoane însoțite
   *[other] { $count } de persoane însoțite
}
pro-followed-none = Nimeni deocamdată.
pro-invite-label = Invită o persoană care are deja un seif (nume de utilizator)
action-invite = Invită
action-open-safe = Deschide un seif
team-title = Echipa
invite-sent-title = Invitație trimisă
invite-sent-text = Dacă acest nume de utilizator există, persoana va vedea invitația data viitoare când se conectează.

open-title = Deschide un seif
open-intro = Împreună cu persoana și cu acordul ei. Se va conecta cu numele de utilizator și parola ei.
open-password-legend = Parolă
open-password-typed = Persoana își scrie singură parola
open-password-generate = Generează o frază-parolă din 5 cuvinte
open-password-field = Parola scrisă de persoană
open-consent = Persoana acceptă să aibă un seif și a fost informată cine ce poate vedea.

sheet-title = Fișă de recuperare
sheet-identifier = Nume de utilizator
sheet-recovery-code = Cod de recuperare
sheet-lost-title = Dacă îți pierzi parola
sheet-lost-1 = Intră pe { $address } (sau scanează codul) și alege „{ $forgot }”.
sheet-lost-2 = Scrie numele de utilizator și acest cod de recuperare, apoi alege o parolă nouă.
sheet-lost-3 = Nu mai ai fișa? Mergi la organizația ta de sprijin: un asistent social te poate ajuta pe loc.
sheet-keep = Păstrează această fișă într-un loc sigur, departe de telefon. Nimeni de la Consigne nu poate citi seiful tău.
sheet-passphrase-title = Parolă
sheet-passphrase-text = Arată această parolă persoanei ca să o țină minte sau să o noteze. Nu este tipărită.
sheet-print-hint = Pentru a tipări, folosește meniul Tipărire al browserului.
action-done = Gata

team-empty = Încă niciun profesionist.
team-pending = acces în așteptare
team-add = Adaugă un profesionist
team-initial-password = Parolă inițială
team-added = { $name } face acum parte din echipă.
role-member = Membru
role-admin = Administratorul organizației
action-add = Adaugă

admin-title = Organizații
admin-structures = Organizații partenere
admin-no-structure = Încă nicio organizație.
admin-create = Înregistrează o organizație
structure-kind-relay = Organizație de sprijin (însoțește persoane)
structure-kind-mediation = Mediere (deschide seifuri, nu vede niciun conținut)
action-create = Înregistrează

# Documents and journal
section-documents = Actele mele
section-journal = Jurnalul meu
doc-folders = Foldere
doc-none = Încă niciun document aici. Fotografiază un act sau adaugă un fișier mai jos.
doc-none-shared = Persoana nu partajează niciun document cu organizația ta.
doc-shared-with-you = Documente partajate cu organizația ta
doc-type-pdf = PDF
doc-type-photo = Fotografie
doc-expires = expiră la { $date }
doc-add-title = Adaugă un fișier
doc-file = Fișier
doc-file-hint = O fotografie (JPEG, PNG, WebP) sau un PDF, de cel mult { $max } MB.
doc-name = Numele documentului
doc-add-submit = Adaugă în seiful meu
doc-new-folder = Folder nou
doc-folder-name = Numele folderului
doc-folder = Folder
doc-expiry = Data expirării
doc-edit = Nume, tip, folder, data expirării
doc-download = Descarcă
doc-shared-computer-warning = Pe un calculator folosit de mai multe persoane, fișierul descărcat rămâne în folderul Descărcări: șterge-l după ce l-ai folosit.
doc-who-sees = Cine vede acest document
doc-private-no-relais = Doar tu: nu ai nicio organizație de sprijin.
doc-share-legend = Partajează cu organizațiile mele de sprijin
doc-added-by = Adăugat la data de { $date } ({ $who }).
doc-delete = Șterge acest document
doc-delete-question = Ștergi „{ $name }”?
doc-delete-text = Documentul va fi șters definitiv, pentru tine și pentru organizațiile tale de sprijin.
doc-delete-confirm = Da, șterge
doc-no-preview = Nu există previzualizare pentru acest document. Descărcați-l pentru a-l citi.
doc-pages = Paginile documentului
doc-page-alt = Pagina { $n } din { $total }
doc-pages-partial = Sunt afișate primele pagini: { $shown } din { $total }. Descărcați documentul pentru a le vedea pe celelalte.
pro-doc-back = Înapoi la fișa persoanei
relais-sees-documents = { $count ->
    [one] { $count } document pe care îl partajezi cu ea.
    [few] { $count } documente pe care le partajezi cu ea.
   *[other] { $count } de documente pe care le partajezi cu ea.
}
error-unsupported-type = Acest tip de fișier nu este acceptat. Trimite o fotografie (JPEG, PNG, WebP) sau un PDF.
error-file-too-large = Fișierul este prea mare (cel mult { $max } MB). Fă o fotografie nouă sau cere ajutor organizației tale de sprijin.
error-pdf-not-checkable = Acest PDF este prea mare pentru a fi curățat aici (peste { $max } MB) și conține scripturi, fișiere atașate sau părți pe care nu le putem verifica. Salvează-l din nou ca PDF (Tipărire, apoi Salvează ca PDF) sau trimite-l în mai multe fișiere mai mici.
error-photo-too-large = Această fotografie este prea mare (peste { $max } MB). Fă-o din nou cu o rezoluție mai mică sau trimite-o ca PDF.
error-too-many-files = Prea multe fotografii deodată (cel mult 20).
error-quota = Seiful tău este plin. Șterge documentele de care nu mai ai nevoie.
error-input-damaged-file = — este deteriorat sau incomplet. Încearcă din nou cu o altă copie.
error-input-malformed-upload = — nu a fost primit în întregime. Încearcă din nou.
field-file = Fișier
journal-intro = Tot ce s-a întâmplat în seiful tău: cine a deschis sau a schimbat ce și când.
journal-you = tu
journal-someone = cineva
journal-deleted-document = un document șters
journal-login-success = Conectare ({ $who }).
journal-login-failure = Cineva a încercat fără succes să intre în seiful tău.
journal-safe-opened-success = Seiful tău a fost deschis ({ $who }).
journal-profile-viewed-success = Datele tale au fost consultate ({ $who }).
journal-invitation-sent-success = Invitație de însoțire trimisă ({ $who }).
journal-invitation-accepted-success = Invitație acceptată ({ $who }).
journal-invitation-declined-success = Invitație refuzată ({ $who }).
journal-relay-left-success = Renunțare la o organizație de sprijin ({ $who }).
journal-password-changed-success = Parola a fost schimbată ({ $who }).
journal-recovered-with-code-success = Parola a fost schimbată cu codul de recuperare.
journal-recovered-in-person-success = Parola a fost schimbată la organizația ta de sprijin.
journal-reset-started-success = { $who } a cerut resetarea parolei tale.
journal-recovery-relay-added-success = O organizație de sprijin te poate ajuta acum să-ți recapeți accesul ({ $who }).
journal-recovery-relay-removed-success = O organizație de sprijin nu te mai poate ajuta să-ți recapeți accesul ({ $who }).
journal-document-uploaded-success = Documentul „{ $what }” a fost adăugat ({ $who }).
journal-document-viewed-success = Documentul „{ $what }” a fost vizualizat ({ $who }).
journal-document-downloaded-success = Documentul „{ $what }” a fost descărcat ({ $who }).
journal-document-renamed-success = Documentul „{ $what }” a fost redenumit ({ $who }).
journal-document-moved-success = Documentul „{ $what }” a fost mutat ({ $who }).
journal-document-expiry-set-success = Data expirării documentului „{ $what }” a fost schimbată ({ $who }).
journal-document-deleted-success = Un document a fost șters ({ $who }).
journal-document-shared-success = Documentul „{ $what }” a fost partajat cu o organizație de sprijin ({ $who }).
journal-document-unshared-success = Documentul „{ $what }” nu mai este partajat ({ $who }).
journal-viewed-times = „{ $what }” a fost vizualizat de { $count } ori ({ $who }).
journal-shared-with = „{ $what }” a fost partajat cu { $relais } ({ $who }).
journal-unshared-with = „{ $what }” nu mai este partajat cu { $relais } ({ $who }).
journal-folder-created-success = Un folder a fost creat ({ $who }).
journal-folder-deleted-success = Un folder a fost șters ({ $who }).
journal-document-exported-success = Documentul „{ $what }” a fost inclus într-o copie exportată a seifului ({ $who }).
export-title = Ia totul cu tine
export-text = Un singur fișier (ZIP) cu toate documentele tale, un fișier data.json cu tot restul și o listă de amprente digitale ca să verifici că nimic nu s-a schimbat.
export-download = Descarcă seiful meu
delete-account-title = Șterge seiful meu
delete-account-text = Totul este șters definitiv: documentele tale, legăturile cu organizațiile de sprijin, contul tău. Descarcă mai întâi seiful dacă vrei să păstrezi o copie.
delete-account-password = Parola ta, pentru confirmare
delete-account-confirm = Șterge tot
delete-account-done-title = Seiful tău a fost șters
delete-account-done-text = Nu a mai rămas nimic din el. O organizație parteneră poate deschide oricând un seif nou împreună cu tine.
doc-page-up = Mută pagina mai sus
doc-page-down = Mută pagina mai jos
doc-folder-edit = Redenumește sau mută acest dosar
doc-folder-delete-hint = Ce conține revine în „Actele mele”: niciun document nu se pierde.
doc-folder-delete = Șterge acest dosar
error-folder-cycle = Un dosar nu poate fi mutat într-unul dintre subdosarele sale.

## Contacts, notes and appointments
section-contacts = Contactele mele
section-notes = Notițele mele
section-events = Programările mele
contact-add = Adaugă un contact
note-add = Adaugă o notiță
event-add = Adaugă o programare
contact-none = Încă niciun contact.
note-none = Încă nicio notiță.
event-none = Încă nicio programare.
contact-none-shared = Persoana nu partajează niciun contact cu organizația ta.
note-none-shared = Persoana nu partajează nicio notiță cu organizația ta.
event-none-shared = Persoana nu partajează nicio programare cu organizația ta.
contact-shared-with-you = Contacte partajate cu organizația dvs.
note-shared-with-you = Notițe partajate cu organizația dvs.
event-shared-with-you = Programări partajate cu organizația dvs.
note-list-hint = Textul unei notițe rămâne ascuns aici: deschide notița ca să-l citești.
event-upcoming = Urmează
event-past = Trecute
event-reminder-1440 = SMS cu 1 zi înainte
event-reminder-120 = SMS cu 2 ore înainte
event-reminder-minutes = SMS cu { $minutes } minute înainte
item-edit = Modifică
item-delete = Șterge
item-delete-question = Ștergi „{ $name }”?
item-delete-text = Va fi șters pentru totdeauna, pentru tine și pentru organizațiile tale de sprijin.
item-delete-confirm = Da, șterge
item-who-sees = Cine vede asta
item-added-by = Adăugat de { $who } pe { $date }.
item-back-to-file = Înapoi la dosarul persoanei
field-title = Titlu
field-body = Text
field-address = Adresă
field-comment = Comentariu
field-date = Data
field-time = Ora
field-starts-at = Data și ora
field-location = Locul
field-reminders = Mementouri
error-input-invalid = nu este valid.
error-input-invalid-datetime = nu este o dată și o oră valide.
error-input-invalid-reminder = nu este un memento valid.
error-input-too-many-reminders = : cel mult 5 mementouri.
relais-sees-contacts = Contacte pe care i le partajezi: { $count }
relais-sees-notes = Notițe pe care i le partajezi: { $count }
relais-sees-events = Programări pe care i le partajezi: { $count }
journal-deleted-item = ceva șters între timp
journal-contact-created-success = Contactul „{ $what }” a fost adăugat ({ $who }).
journal-contact-viewed-success = Contactul „{ $what }” a fost deschis ({ $who }).
journal-contact-updated-success = Contactul „{ $what }” a fost modificat ({ $who }).
journal-contact-deleted-success = Un contact a fost șters ({ $who }).
journal-contact-shared-success = Contactul „{ $what }” a fost partajat cu o organizație de sprijin ({ $who }).
journal-contact-unshared-success = Contactul „{ $what }” nu mai este partajat ({ $who }).
journal-note-created-success = Notița „{ $what }” a fost adăugată ({ $who }).
journal-note-viewed-success = Notița „{ $what }” a fost deschisă ({ $who }).
journal-note-updated-success = Notița „{ $what }” a fost modificată ({ $who }).
journal-note-deleted-success = O notiță a fost ștearsă ({ $who }).
journal-note-shared-success = Notița „{ $what }” a fost partajată cu o organizație de sprijin ({ $who }).
journal-note-unshared-success = Notița „{ $what }” nu mai este partajată ({ $who }).
journal-event-created-success = Programarea „{ $what }” a fost adăugată ({ $who }).
journal-event-viewed-success = Programarea „{ $what }” a fost deschisă ({ $who }).
journal-event-updated-success = Programarea „{ $what }” a fost modificată ({ $who }).
journal-event-deleted-success = O programare a fost ștearsă ({ $who }).
journal-event-shared-success = Programarea „{ $what }” a fost partajată cu o organizație de sprijin ({ $who }).
journal-event-unshared-success = Programarea „{ $what }” nu mai este partajată ({ $who }).
sms-event-reminder = Consigne: ai o programare pe { $date } la ora { $time }. Detalii în seiful tău.
sms-expiry-reminder = Consigne: unul dintre actele tale expiră în { $days } zile. Deschide seiful ca să-l reînnoiești la timp.
reminder-status-scheduled = programat
reminder-status-sent = trimis
reminder-status-delivered = primit
reminder-status-failed = neprimit
home-expiring-title = Acte de reînnoit curând
home-expiring-item = { $name }: expiră pe { $date }
home-expired-item = { $name }: a expirat pe { $date }
home-expiring-more = … și încă { $count }: vezi actele mele
agenda-download = Descarcă agenda mea (fișier .ics)
contacts-download = Descarcă contactele mele (fișier .vcf)
feed-title = Programările mele pe telefon
feed-open = Arată programările mele în calendarul telefonului
feed-intro = Calendarul telefonului poate arăta programările și le poate ține la zi. Folosește un link privat: păstrați-l pentru dumneavoastră.
feed-none = Nu aveți încă un link privat.
feed-create = Creează linkul meu privat
feed-created = Linkul privat este gata.
feed-subscribe = Adaugă în calendarul telefonului
feed-link-label = Linkul meu privat
feed-qr-hint = Sau scanați acest cod cu telefonul.
feed-warning = Oricine are acest link vede programările (nu actele). Dacă l-ați dat din greșeală, opriți-l.
feed-hidden = Acest link nu mai poate fi afișat aici. Creați unul nou dacă aveți nevoie.
feed-last-read = Ultima citire de un calendar: { $when }
feed-never-read = Niciun calendar nu l-a citit încă.
feed-renew = Creează un link nou (cel vechi se oprește)
feed-revoke = Oprește acest link
feed-revoked = Linkul este oprit. Niciun calendar nu mai poate citi programările cu el.
journal-calendar-feed-created-success = { $who } a creat un link privat de calendar.
journal-calendar-feed-revoked-success = { $who } a oprit linkul privat de calendar.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = Contul dumneavoastră de profesionist are nevoie de un al doilea factor. Continuați pentru a primi cheia de introdus în aplicația de autentificare.
# issue 11: members
error-access-pending-approval = Un administrator al structurii dumneavoastră care deține cheia ei trebuie mai întâi să vă aprobe accesul.
error-account-deactivated = Acest cont a fost dezactivat de structura dumneavoastră. Întrebați administratorul ei dacă este o greșeală.
error-last-key-holder = Este ultimul membru care deține cheia structurii: aprobați mai întâi un alt membru, altfel nimeni nu ar mai putea deschide ce împart oamenii cu structura.
error-member-not-pending = Acest membru nu mai așteaptă aprobarea.
error-key-not-held = Nu dețineți încă cheia structurii.
team-pending-title = În așteptarea aprobării
team-approve-hint = Aprobați doar o colegă pe care o cunoașteți, după ce ați verificat cu ea în persoană: aprobarea îi dă cheia a tot ce împart oamenii cu structura.
team-pending-hint = Un administrator al structurii care deține cheia ei trebuie să aprobe acești membri înainte ca ei să vadă ceva.
team-requested = Cerut de { $name } pe { $date }
team-requested-unknown = cineva
team-approve = Aprobă
team-refuse = Refuză
team-no-key = fără cheie
team-deactivate = Dezactivează
team-deactivate-hint = Dezactivarea unui membru îi închide imediat sesiunile, îi retrage accesul și reînnoiește cheia structurii. Rămâne în jurnale.
team-former-title = Foști membri
team-deactivated-on = dezactivat pe { $date }
team-add-pending-hint = Nu dețineți cheia structurii: noul membru va aștepta până când un administrator care o deține îl aprobă.
team-added-pending = { $name } a fost adăugat și așteaptă aprobarea unui administrator.
team-approved = Membrul a fost aprobat: are acum acces la dosarele structurii.
team-deactivated = Membrul a fost dezactivat: sesiunile lui sunt închise, iar cheia structurii se reînnoiește.
journal-member-added-success = { $who } a adăugat un membru în structură.
journal-member-requested-success = { $who } a cerut adăugarea unui membru în structură.
journal-member-approved-success = { $who } a aprobat un membru al structurii.
journal-member-deactivated-success = { $who } a dezactivat un membru al structurii.
journal-structure-key-rotated-success = Cheia structurii a fost reînnoită.
# issue 11: reset
reset-intro-confirmed = Persoana și-a pierdut parola și fișa de recuperare? Cu ea în fața ta, cere o resetare. Un coleg sau o colegă din structura ta trebuie să o confirme; codul îi este dat apoi, iar ea își alege singură noua parolă.
reset-awaiting-text = Resetarea este cerută. Un coleg sau o colegă din structura ta trebuie să o confirme din pagina de start: codul îi este arătat atunci, pentru a-l da persoanei.
reset-delayed-text = Ești singurul membru al structurii tale care o poate confirma. Pentru a o proteja, codul poate fi creat doar începând cu { $date }. Revino cu ea atunci: cererea va fi în pagina ta de start.
reset-she-is-told = Persoana a fost anunțată (prin SMS dacă numărul ei este cunoscut, și pe pagina ei). Ea o poate anula.
reset-step-3-new-sheet = Își alege noua parolă, se conectează și tipărește o nouă fișă de recuperare.
resets-pending-title = Resetări care așteaptă o confirmare
resets-pending-item = { $person }: cerută de { $who } la { $date }.
resets-confirmed = Deja confirmată: codul a fost dat o dată.
resets-delayed-until = Doar tu o poți confirma, începând cu { $date }.
resets-needs-colleague = Un alt membru al structurii trebuie să o confirme.
action-confirm-reset = Confirmă și arată codul
action-cancel-reset = Anulează această resetare
notice-reset-started = A fost cerută o resetare a parolei tale la { $structure } la { $date }.
notice-reset-delayed = Nu poate fi folosită înainte de { $date }.
notice-reset-not-you = Dacă nu ai cerut-o tu, anuleaz-o acum.
notice-new-sheet = Codul tău de recuperare nu mai funcționează. Tipărește acum o nouă fișă de recuperare și păstreaz-o într-un loc sigur.
action-new-sheet = Creează noua mea fișă de recuperare
new-sheet-title = O nouă fișă de recuperare
new-sheet-text = Aceasta creează un nou cod de recuperare; cel vechi nu mai funcționează. Tipărește fișa sau notează codul și păstrează-l într-un loc sigur, nu împreună cu telefonul.
new-sheet-login-again = Pentru a te proteja, deconectează-te și conectează-te din nou, apoi revino să-ți creezi fișa.
phone-title = Numărul meu de telefon
phone-text = Servește doar pentru a-ți trimite mementouri și mesaje de securitate (de exemplu, dacă cineva cere resetarea parolei tale). Lasă gol pentru a-l șterge.
phone-hint = De exemplu 06 12 34 56 78
phone-pro-text = Schimbă-l doar împreună cu persoana. Ea îl va vedea în jurnalul ei; vechiul ei număr primește un mesaj.
open-recovery-legend = Poate structura ta să o ajute să-și recapete accesul la seif?
open-recovery-consequence = Întreab-o. Dacă spune da, această organizație de sprijin o va putea ajuta să intre din nou dacă își pierde parola și fișa; în cel mai rău caz, ar putea deschide seiful ei. Se poate răzgândi oricând în „Organizațiile mele de sprijin”.
open-recovery-yes = Da, această organizație de sprijin o poate ajuta să-și recapete accesul
open-recovery-no = Nu
open-recovery-required = Spune dacă această organizație de sprijin o poate ajuta să-și recapete accesul.
relais-recovery-consequence = O organizație de sprijin căreia îi permiți să te ajute îți poate reda accesul dacă îți pierzi parola și fișa; în cel mai rău caz, ar putea deschide seiful tău. Ești anunțat de fiecare dată și poți anula.
recover-done-new-sheet = Parola ta este schimbată. Vechiul tău cod de recuperare nu mai funcționează: conectează-te acum și tipărește o nouă fișă de recuperare.
sms-reset-started = Consigne: cineva a cerut resetarea accesului la seiful tau. Daca nu ai fost tu, conecteaza-te si anuleaz-o.
sms-phone-changed = Consigne: numarul de telefon al seifului tau a fost schimbat. Daca nu ai fost tu, vorbeste cu organizatia ta de sprijin.
journal-reset-confirmed-success = { $who } a confirmat o resetare a parolei.
journal-reset-cancelled-success = { $who } a anulat o resetare a parolei.
journal-recovery-code-renewed-success = { $who } a tipărit o nouă fișă de recuperare (vechiul cod nu mai funcționează).
journal-phone-changed-success = { $who } a schimbat numărul de telefon.
journal-phone-removed-success = { $who } a șters numărul de telefon.
# issue 11: media (image and PDF bombs)
error-image-too-large = Această imagine are prea mulți pixeli pentru a fi procesată aici (peste { $max } megapixeli sau prea multe culori pe pixel). Refaceți fotografia cu o rezoluție mai mică sau trimiteți-o ca PDF.
error-pdf-too-complex = Acest PDF se despachetează în prea multe date pentru a fi procesat aici. Salvați-l din nou ca PDF (Imprimare, apoi Salvare ca PDF) sau trimiteți-l în mai multe fișiere mai mici.
# issue 11: requests
error-field-too-long = Un câmp al formularului este prea lung (numele, de exemplu): scurtați-l și trimiteți din nou.
error-scan-too-large = Aceste fotografii sunt prea mari împreună (peste { $max } MB): trimiteți mai puține pagini odată sau faceți-le cu o rezoluție mai mică.
# issue 12: paginated lists, the professional's search
pager-label = Paginile listei
pager-previous = Pagina anterioară
pager-next = Pagina următoare
pager-position = Pagina { $page }
field-page = Numărul paginii
error-input-invalid-page = trebuie să fie un număr întreg de la 1 la 100000.
pro-search-label = Căutați o persoană (nume, prenume, identificator sau data nașterii)
action-search = Caută
pro-search-clear = Șterge căutarea
pro-search-none = Nimeni nu corespunde acestei căutări.
pro-search-found = { $count ->
    [one] { $count } persoană găsită
    [few] { $count } persoane găsite
   *[other] { $count } de persoane găsite
}

## Times (local, to the minute)
time-zone-name = ora din { $city }
times-note = Orele sunt afișate după ora din { $city }.

## The printed recovery sheet, a structure's phone
sheet-address = Adresa site-ului
sheet-qr-label = Scanează acest cod cu telefonul: deschide pagina de conectare.
sheet-relay = Organizația ta de sprijin, care te poate ajuta pe loc
sheet-made = Fișă făcută pe { $date }.
field-structure-phone = Telefonul structurii
structure-phone-hint = Se tipărește pe fișa de recuperare a persoanelor care au ales structura voastră să le ajute să-și recapete accesul la seif.
structure-phone-saved = Numărul structurii a fost salvat.
journal-structure-phone-changed-success = { $who } a schimbat numărul de telefon al structurii.

## Show password
password-show = Arată parola

## Ready-made folders of a new safe
folder-identity = Identitate
folder-health = Sănătate
folder-housing = Locuință
folder-income = Venituri
folder-family = Familie
folder-other = Altele
error-input-short-number = — nu poate primi SMS-uri. Dă un număr de mobil, de exemplu 06 12 34 56 78 sau +44 7700 900123.
login-identifier-homonym = Puncte, spații sau liniuțe, cum vrei (amina benali 14/02/1990). Dacă fișa ta arată un număr după dată (de exemplu -2), scrie-l și pe el.
sheet-homonym = Numele tău de utilizator se termină cu „{ $number }”: altă persoană are același nume și aceeași dată de naștere. Scrie întotdeauna „{ $number }” la sfârșit.
error-invalid-recovery = Nume de utilizator sau cod greșit. Verifică-le pe amândouă: numele de utilizator și codul de recuperare sunt pe fișa ta, sau codul ți l-a dat organizația ta de sprijin. Fără un cod valid, mergi la organizația ta de sprijin.
notice-recovered-in-person = Parola ta a fost schimbată la data de { $date } cu un cod dat de organizația ta de sprijin (resetare pe loc). Dacă nu ai fost tu, mergi repede la organizația ta de sprijin.
recover-done-in-person = Parola ta este schimbată cu codul de la organizația ta de sprijin. Nici vechea ta fișă de recuperare nu mai funcționează: conectează-te acum și tipărește o nouă fișă de recuperare.
doc-add-submit-for-her = Adaugă în seiful acestei persoane
journal-document-expiry-removed-success = Data expirării documentului „{ $what }” a fost ștearsă ({ $who }).
doc-pro-corrections = Corectează ce a adăugat structura ta
doc-pro-corrections-hint = Poți corecta numele sau data expirării, ori șterge un document adăugat de structura ta, cât timp persoana nu l-a modificat ea însăși și nu a oprit partajarea lui. Ea vede asta în jurnalul ei.
doc-pro-delete-text = Șterge acest document din seiful persoanei, definitiv.
reminder-status-no_phone = niciun număr de telefon: nu se va trimite nimic
reminder-add-phone = Adaugă un număr
phone-remove = Șterge acest număr
phone-current = Număr înregistrat:
phone-none = Niciun număr: mementourile prin SMS nu pot fi trimise.
phone-add = Adaugă numărul meu
phone-change = Schimbă sau șterge numărul meu

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = S-a salvat.
notice-added = S-a adăugat în seif.
notice-deleted = S-a șters.
notice-shared = S-a salvat: organizațiile de sprijin bifate îl văd.
notice-private = S-a salvat: este privat, doar tu îl vezi.
notice-invitation-accepted = Invitație acceptată: această organizație de sprijin te însoțește acum.
notice-invitation-declined = Invitație refuzată: această organizație de sprijin nu vede nimic din seiful tău.
notice-relay-left = Ai părăsit această organizație de sprijin: nu mai vede nimic din seiful tău.
notice-page-added = Fotografie adăugată.
notice-page-removed = Pagină scoasă.
notice-scan-cancelled = Fotografiile au fost șterse.
mark-private = Privat
mark-shared = { $count ->
    [one] Partajat cu 1 organizație de sprijin
    [few] Partajat cu { $count } organizații de sprijin
   *[other] Partajat cu { $count } de organizații de sprijin
}
mark-shared-structure = Partajat cu organizația ta
scan-take = Fă o fotografie
scan-take-another = Fotografiază altă pagină
scan-hint = O fotografie pentru fiecare pagină. Apoi verifici paginile, dai un nume și salvezi.
scan-hint-again = Poți încă schimba ordinea paginilor înainte de a salva.
scan-chosen = Fotografia e gata: apasă „Continuă”.
scan-review-title = Verifică fotografiile
scan-review-text = { $count ->
    [one] O pagină.
    [few] { $count } pagini.
   *[other] { $count } de pagini.
} Verifică dacă fiecare pagină se citește bine și dacă paginile sunt în ordine.
scan-page = Pagina { $number }
scan-remove = Scoate
scan-remove-page = Scoate pagina { $number }
scan-save-title = Dă un nume și salvează
scan-save = { $count ->
    [one] Salvează documentul (1 pagină)
    [few] Salvează documentul ({ $count } pagini)
   *[other] Salvează documentul ({ $count } de pagini)
}
scan-cancel = Anulează și șterge aceste fotografii
scan-gone-title = Aceste fotografii nu mai sunt aici
scan-gone-text = Fotografiile sunt păstrate o oră, cât timp rămâi conectat: au fost salvate, anulate sau șterse. Fotografiază-le din nou.

# Case file (issue 14): the structure's record of a person's situation, referent, hand-over.
field-housing = Locuință
field-family-status = Situație familială
field-children = Copii și persoane în întreținere
field-nationality = Cetățenie
field-residence-permit = Permis de ședere
field-residence-permit-until = Permis valabil până la
field-domiciliation = Domiciliere
field-resource-kind = Venit
field-resource-amount = Sumă lunară (€)
field-health-cover = Asigurare de sănătate
field-health-cover-until = Asigurare valabilă până la
field-protection = Măsură de protecție
field-referent = Referent
field-note = Notă
field-situation = Situație
casefile-title = Dosar
casefile-intro = Evidența structurii despre situația ei: nu este în seiful ei și ea nu o vede. Doar membrii structurii o citesc.
casefile-open = Deschide dosarul ({ $structure })
casefile-situation = Modifică situația
casefile-save = Salvează situația
casefile-handover = Predă dosarul
casefile-handover-hint = Încredințați persoana unui coleg: noul referent o găsește în „Persoanele mele”. Nota rămâne în istoric.
casefile-handover-submit = Predă
casefile-history = Istoric
casefile-history-none = Nicio schimbare deocamdată.
casefile-history-line = { $when }, de { $who }
casefile-left = Această persoană nu mai are structura ca releu: structura își păstrează dosarul, doar pentru citire, și nu mai vede nimic nou din seiful ei.
casefile-referent-none = Fără referent
casefile-back = Înapoi la fișa ei
casefile-until = până la { $date }
casefile-per-month = { $amount } € pe lună
casefile-children-count = copii și persoane în întreținere: { $count }
casefile-resources-hint = Un rând pe venit, suma lunară în euro întregi.
casefile-field-housing = Locuință
casefile-field-family = Situație familială
casefile-field-administrative = Situație administrativă
casefile-field-resources = Venituri
casefile-field-health-cover = Asigurare de sănătate
casefile-field-protection = Măsură de protecție
casefile-field-referent = Referent
casefile-housing-street = În stradă
casefile-housing-emergency-shelter = Adăpost de urgență
casefile-housing-hosted-third-party = Găzduită de o terță persoană
casefile-housing-chrs = CHRS (centru de reinserție)
casefile-housing-hotel = Hotel
casefile-housing-squat = Squat
casefile-housing-tenant = Chiriașă
casefile-housing-owner = Proprietară
casefile-housing-institution = Instituție (spital, cămin…)
casefile-housing-other = Altele
casefile-family-single = Singură
casefile-family-couple = În cuplu
casefile-family-married = Căsătorită
casefile-family-civil-union = Parteneriat civil (PACS)
casefile-family-separated = Separată
casefile-family-divorced = Divorțată
casefile-family-widowed = Văduvă
casefile-permit-not-required = Nu este necesar (cetățeană franceză sau europeană)
casefile-permit-none = Niciunul
casefile-permit-asylum-certificate = Certificat de cerere de azil
casefile-permit-receipt = Recipisă
casefile-permit-temporary = Permis de ședere temporar
casefile-permit-multi-year = Permis multianual
casefile-permit-resident = Carte de rezident
casefile-permit-other = Altul
casefile-resource-wages = Salariu
casefile-resource-unemployment = Ajutor de șomaj
casefile-resource-rsa = RSA (venit minim)
casefile-resource-prime-activite = Prime d'activité (supliment salarial)
casefile-resource-aah = AAH (alocație de handicap)
casefile-resource-pension = Pensie
casefile-resource-sick-pay = Indemnizație de boală
casefile-resource-family-benefits = Alocații familiale
casefile-resource-housing-benefit = Ajutor pentru locuință
casefile-resource-ada = ADA (alocație pentru solicitanții de azil)
casefile-resource-other = Altul
casefile-health-none = Niciuna
casefile-health-puma = Asigurare de sănătate (PUMa)
casefile-health-css = Complémentaire santé solidaire
casefile-health-ame = AME (ajutor medical de stat)
casefile-health-private = Asigurare complementară
casefile-health-other = Alta
casefile-protection-none = Niciuna
casefile-protection-safeguard-of-justice = Protecție judiciară temporară
casefile-protection-curatorship = Curatelă
casefile-protection-reinforced-curatorship = Curatelă întărită
casefile-protection-guardianship = Tutelă
casefile-protection-family-habilitation = Abilitare familială
casefile-protection-masp = MASP (măsură de însoțire socială)
casefile-protection-other = Alta
pro-filter-label = Filtrează lista
pro-filter-all = Toate
pro-filter-mine = Persoanele mele
pro-mine-count = Persoanele mele: { $count }
pro-mine-none = Încă nimeni nu vă are ca referent.
journal-case-file-updated-success = { $who } a modificat un dosar al structurii.
journal-referent-changed-success = { $who } a schimbat referentul unei persoane.
# Issue 14: a structure's statistics.
stats-title = Statistici
stats-intro = Fiecare cifră numără date pe care serverul le vede în clar (date, tipuri, contoare): niciun conținut nu este decriptat pentru a le calcula. Zilele sunt cele ale fusului orar al platformei.
stats-structure = Structura
field-from = De la
field-to = Până la
stats-period = De la { $from } până la { $to }
# A rate in percent: $whole and $tenth are its digits before and after the decimal separator.
stats-rate-shown = { $whole },{ $tenth } %
stats-no-rate = — (niciun seif deschis)
stats-download-csv = Descarcă (CSV)
stats-download-ods = Descarcă (foaie de calcul ODS)
error-input-invalid-period = nu este o perioadă validă: începutul trebuie să fie înaintea sfârșitului, cel mult zece ani.
stats-from = Începutul perioadei
stats-from-def = Prima zi numărată.
stats-to = Sfârșitul perioadei
stats-to-def = Ultima zi numărată.
stats-people-followed = Persoane însoțite
stats-people-followed-def = Persoane care au structura ca releu la sfârșitul perioadei: au ales-o înainte de această dată și nu au părăsit-o de atunci (Consigne nu păstrează urma plecărilor).
stats-safes-opened = Seifuri deschise
stats-safes-opened-def = Seifuri deschise de un profesionist al structurii în timpul perioadei.
stats-safes-reconnected = Persoane reconectate
stats-safes-reconnected-def = Dintre aceste seifuri, cele a căror titulară s-a conectat singură cel puțin o dată între ziua 1 și ziua 183 după deschidere. Ziua n începe la n × 24 de ore după deschidere: ziua deschiderii nu contează, nici o conectare după ziua 183.
stats-reconnection-rate = Rata de reconectare
stats-reconnection-rate-def = Persoane reconectate împărțite la seifuri deschise (gol dacă nu s-a deschis niciun seif). Un seif deschis acum mai puțin de 184 de zile contează deja.
stats-relais-accepted = Relee noi acceptate
stats-relais-accepted-def = Persoane care au acceptat în timpul perioadei ca structura să devină releul lor (invitație acceptată). Seifurile deschise de structură nu sunt numărate aici.
stats-documents-added-by-professionals = Documente adăugate de profesioniști
stats-documents-added-by-professionals-def = Documente adăugate în timpul perioadei de un profesionist al structurii în seiful unei persoane (cele șterse între timp nu mai contează).
stats-documents-added-by-people = Documente adăugate de persoane
stats-documents-added-by-people-def = Documente pe care persoanele le-au adăugat singure în timpul perioadei și pe care le împart cu structura. Cele păstrate doar pentru ele nu sunt numărate.
stats-sms-sent = SMS-uri trimise
stats-sms-sent-def = Mementouri prin SMS trimise în timpul perioadei persoanelor cărora structura le-a deschis seiful.
stats-sms-segments = Segmente SMS
stats-sms-segments-def = Segmente numărate de operator pentru aceste SMS-uri (un text lung sau cu caractere speciale contează mai multe).
stats-followups = Întrevederi
stats-followups-def = Rapoarte de întrevedere datate în perioadă, indiferent de stadiu.
stats-followups-by-medium = Întrevederi după modul de contact
stats-followups-by-medium-def = Întrevederile perioadei, numărate după modul de contact.
stats-followups-by-subject = Întrevederi după subiect
stats-followups-by-subject-def = Întrevederile perioadei, numărate o dată pentru fiecare subiect (o întrevedere cu două subiecte contează la amândouă).
stats-by-housing = Persoane după situația locativă
stats-by-housing-def = Persoanele însoțite la sfârșitul perioadei, după ultima situație locativă notată în dosarul lor.
stats-housing-unknown = Nespecificată
stats-breakdown-line = { $group }: { $item }
# Follow-ups (interview reports) and the structure's agenda.
journal-followup-written-success = { $who } a scris raportul întâlnirii dumneavoastră.
pro-agenda-title = Agendă
pro-agenda-due = Termenul unei urmăriri
pro-agenda-week = Săptămâna din { $date }
pro-agenda-referent = Referent
pro-agenda-everyone = Toată lumea
pro-agenda-filter = Filtrează
pro-agenda-previous = Săptămâna anterioară
pro-agenda-next = Săptămâna următoare
pro-agenda-download = Descarcă (fișier .ics)
pro-agenda-empty = Nimic planificat săptămâna aceasta.
followups-title = Urmăriri
followups-intro = Rapoartele structurii dumneavoastră. Partea partajată este citită de persoană în seiful ei; partea privată rămâne la structură.
followups-back = Înapoi la fișa persoanei
followups-open = Vezi și scrie rapoarte
followups-new = Raport nou
followups-shared-hint = Persoana va citi acest text în seiful ei.
followups-private-hint = Doar membrii structurii vor citi acest text.
followups-save = Salvează raportul
followups-add-subject = Adaugă un subiect în lista structurii
followups-none = Încă niciun raport.
followups-author = Scris de
followups-delete = Șterge
field-medium = Mod de contact
field-subjects = Subiecte
field-status = Stare
field-due-on = Termen
field-shared-text = Partea partajată cu persoana
field-private-text = Partea privată (doar structura)
field-document-ids = Documente atașate
field-label = Denumire
my-followups-title = Rapoartele întâlnirilor dumneavoastră
my-followups-intro = Ce au scris releele despre întâlnirile dumneavoastră, pentru dumneavoastră.
my-followups-none = Încă niciun raport.
my-followups-by = Scris de { $name } ({ $structure })
followups-medium-planned-meeting = Întâlnire programată
followups-medium-walk-in = Fără programare
followups-medium-phone = Telefon
followups-medium-home-visit = Vizită la domiciliu
followups-medium-outside-appointment = Întâlnire în exterior
followups-medium-mail = Poștă
followups-medium-email = E-mail
followups-medium-video = Video
followups-medium-third-party = Prin terț
followups-status-todo = De făcut
followups-status-in-progress = În curs
followups-status-done = Făcut
followups-subject-housing = Locuință
followups-subject-domiciliation = Domiciliere
followups-subject-resources = Resurse
followups-subject-employment = Loc de muncă
followups-subject-health = Sănătate
followups-subject-administrative = Acte administrative
followups-subject-residence-permit = Permis de ședere
followups-subject-family = Familie
followups-subject-justice = Justiție
followups-subject-food = Hrană
followups-subject-mobility = Mobilitate
followups-subject-digital = Digital
followups-subject-other = Altele

# Household (issue 14, item 3)
family-title = Familia mea
family-intro = Leagă seiful tău de seifurile familiei tale (partener, copii, părinți) dacă sunt de acord și notează persoanele în grija ta care nu au seif. O legătură nu arată niciodată releelor tale mai mult decât ce împarți cu ele.
family-links-title = Seifuri legate
family-none = Nimeni deocamdată.
family-state-linked = Legate
family-state-waiting-for-me = Cere să se lege de tine
family-state-waiting-for-them = Se așteaptă răspunsul
family-a-relais = un releu
family-proposed-by = Propus de { $structure }
family-undo = Desfă legătura
family-ask-title = Cere legarea unui seif
family-ask-hint = Scrie identificatorul seifului celeilalte persoane. Ea vede cererea în seiful ei și alege să o accepte. Un copil cu propriul seif o acceptă singur.
family-ask-action = Trimite cererea
family-ask-sent = Dacă un seif are acest identificator, titulara lui va vedea cererea. Legătura există doar după ce o acceptă.
family-dependants-title = Persoane în grija mea fără seif
family-dependants-hint = Doar tu le vezi, dacă nu arăți una unui releu.
family-show-to = Arată lui { $relais }
family-hide-from = Nu mai arăta lui { $relais }
family-delete = Șterge
family-dependant-add = Adaugă o persoană
family-pro-title = Familie
family-pro-intro = Seifurile legate a căror titulară are și structura ta ca releu și persoanele în grijă pe care ți le arată. O legătură nu îți arată niciodată mai mult.
family-pro-members = Membri
family-pro-dependants = Persoane în grijă
family-pro-of = notată de { $name }
family-propose-title = Propune o legătură
family-propose-hint = Fiecare persoană trebuie să o accepte în propriul seif.
family-propose-action = Propune
family-pro-back = Înapoi la fișa persoanei
field-relation = Relație
field-member = Persoană
relation-partner = Partener
relation-child = Copil
relation-parent = Părinte
relation-sibling = Frate sau soră
relation-other = Altul
error-input-invalid-relation = nu este valid: alege din listă.
error-household-exists = Aceste două seifuri sunt deja legate sau în așteptare. Vezi pagina familiei.
journal-household-link-asked-success = { $who } a cerut legarea a două seifuri ale unei familii.
journal-household-link-proposed-success = { $who } a propus legarea a două seifuri ale unei familii.
journal-household-link-accepted-success = { $who } a acceptat o legătură de familie.
journal-household-link-removed-success = { $who } a eliminat o legătură de familie.
journal-household-viewed-success = { $who } a consultat fișa familiei.
journal-dependant-added-success = { $who } a adăugat o persoană în grija ta.
journal-dependant-deleted-success = { $who } a șters o persoană în grija ta.
journal-dependant-shown-success = { $who } a arătat o persoană în grija ta lui { $relais }.
journal-dependant-hidden-success = { $who } nu mai arată o persoană în grija ta lui { $relais }.

# Issue 14, item 6: the people list's filters and lines.
pro-filter-referent = Referent
pro-filter-no-referent = Fără referent
pro-filter-quiet = Fără contact de
pro-filter-quiet-any = Oricând
pro-filter-quiet-days = { $days ->
    [one] peste { $days } zi
    [few] peste { $days } zile
   *[other] peste { $days } de zile
}
pro-filter-expiring = Acte expirate sau care expiră curând
pro-line-identifier = Identificator:
pro-line-referent = Referent: { $name }
pro-line-last-contact = Ultimul contact: { $date }
pro-line-no-contact = Încă niciun raport
pro-line-paper-expires = Un act expiră pe { $date }
pro-line-paper-expired = Un act a expirat pe { $date }
field-no-contact-days = Numărul de zile fără contact
error-input-invalid-days = trebuie să fie un număr întreg de la 1 la 3650.

# Issue 15: the types of papers.
field-type = Tipul actului
doc-expiry-hint = Carte de identitate, pașaport, permis de ședere, adeverință de domiciliere sau de asigurare de sănătate: scrie data de sfârșit și te anunțăm înainte să vină.
doc-expiry-asked = { $type }: acest act are o dată de sfârșit. Scrie-o și te anunțăm înainte să expire.
doc-expiry-prompt = Adaugă data de sfârșit ca să te anunțăm înainte să expire.
doc-expiry-prompt-action = Adaugă data de sfârșit
journal-document-type-changed-success = Tipul actului „{ $what }” a fost schimbat ({ $who }).
paper-identity-card = Carte de identitate
paper-passport = Pașaport
paper-residence-permit = Permis de ședere sau recipisă
paper-birth-certificate = Certificat de naștere
paper-family-record-book = Carnet de familie
paper-domiciliation-certificate = Adeverință de domiciliere
paper-proof-of-address = Dovadă de domiciliu sau de găzduire
paper-bank-details = Date bancare (RIB)
paper-tax-notice = Decizie de impunere
paper-payslip = Fluturaș de salariu
paper-france-travail-certificate = Adeverință France Travail
paper-caf-certificate = Adeverință CAF
paper-health-cover-certificate = Adeverință de asigurare de sănătate
paper-carte-vitale = Carte Vitale (card de sănătate)
paper-medical = Act medical
paper-other = Alt act
