# Consigne — catalogue français (référence). Chaque id existe aussi dans les autres langues.

skip-to-content = Aller au contenu
language-label = Langue
action-change-language = OK
action-logout = Se déconnecter
demo-banner = Démonstration : les professionnels et administrateurs se connectent sans second facteur. N'y mettez pas de vrais papiers.
footer-text = Consigne — vos papiers, en sécurité. Vous décidez qui voit quoi.

error-title = Un problème est survenu
not-found-title = Page introuvable
not-found-text = Cette page n'existe pas ou vous ne pouvez pas la voir.
action-back-home = Retour à l'accueil

error-invalid-credentials = Identifiant ou mot de passe incorrect. Vérifiez et réessayez. Mot de passe oublié ? Utilisez votre code de secours ou demandez à votre relais.
error-throttled = Trop d'essais. Attendez { $minutes } minutes puis réessayez.
error-wrong-code = Code incorrect. Tapez les 6 chiffres affichés maintenant dans votre application.
error-not-found = Introuvable.
error-forbidden = Votre compte ne peut pas faire cela.
error-access-pending = Un collègue de votre structure doit se connecter une fois pour vous donner accès à ses dossiers.
error-consent = Cochez la case pour confirmer l'accord de la personne.
error-email-taken = Cette adresse e-mail a déjà un compte.
error-storage-full = Le stockage est plein. Réessayez plus tard ou prévenez votre relais.
error-session-expired = Vous avez été déconnecté. Reconnectez-vous.
error-internal = Un problème est survenu de notre côté. Réessayez dans un instant.
error-form-expired = Ce formulaire a expiré. Réessayez.
error-password-too-short = Mot de passe trop court : au moins 8 caractères.
error-password-too-long = Mot de passe trop long.
error-password-too-weak = Mot de passe trop facile à deviner. Une phrase de quelques mots est solide et facile à retenir.
error-password-common = Mot de passe trop courant. Choisissez une phrase que vous seul connaissez.
error-password-personal = Le mot de passe ne doit contenir ni votre nom ni votre date de naissance.
error-input-required = est obligatoire.
error-input-invalid-name = n'est pas valide.
error-input-invalid-date = n'est pas une date valide (jour/mois/année).
error-input-invalid-email = n'est pas une adresse e-mail valide.
error-input-too-long = est trop long.
error-input-invalid-phone = n'est pas un numéro valable. Tapez-le par exemple comme ceci : 06 12 34 56 78, +44 20 7946 0958 ou 115.
error-input-unsupported-language = n'est pas disponible.
error-input-invalid-kind = n'est pas valide.
error-input-invalid-role = n'est pas valide.
error-input-invalid-identifier = n'est pas valide : prenom.nom.JJMMAAAA, en lettres latines (exemple : amina.benali.14021990)
error-input-invalid-amount = doit être un nombre entier d'euros.

field-first-name = Prénom
field-last-name = Nom
field-birth-date = Date de naissance
field-phone = Téléphone
field-language = Langue
field-email = E-mail
field-display-name = Nom
field-name = Nom
field-city = Ville
field-kind = Type
field-role = Rôle
field-identifier = Identifiant
field-password = Mot de passe
field-annual-budget-eur = Budget annuel (euros)
field-budget = Budget annuel (euros)
field-structure-name = Nom de la structure
field-structure-kind = Type de structure
optional = (facultatif)
password-rules = Au moins 8 caractères. Une phrase de quelques mots, c'est le mieux. Ni nom, ni date de naissance.

login-title = Se connecter
login-identifier = Identifiant
login-identifier-hint = Exemple : amina.benali.14021990 (prénom.nom.JJMMAAAA, en lettres latines ; professionnels : votre e-mail)
login-password = Mot de passe
action-login = Se connecter
login-forgot = Mot de passe perdu ?
login-no-account = Pas encore de coffre ? Une structure partenaire (accueil de jour, CCAS, association) peut en ouvrir un avec vous.

totp-title = Code de sécurité
totp-code = Code à 6 chiffres de votre application d'authentification
action-continue = Continuer
enroll-title = Activer le second facteur
enroll-text = Scannez ce code avec une application d'authentification (par exemple FreeOTP ou Aegis), puis tapez les 6 chiffres qu'elle affiche.
enroll-manual = Impossible de scanner ? Saisissez cette clé dans l'application :
action-confirm = Confirmer
action-retry = Réessayer

recover-title = Mot de passe perdu
recover-text = Utilisez le code de secours imprimé sur votre fiche pour choisir un nouveau mot de passe.
recover-source = Quel code avez-vous ?
recover-source-sheet = Le code de ma fiche de secours
recover-source-relay = Un code que mon relais vient de me donner
recover-code = Code de secours
recover-code-hint = Le code de votre fiche, par exemple ABCD-EFGH-…
recover-new-password = Nouveau mot de passe
action-recover = Choisir ce mot de passe
recover-no-code = Pas de code ? Allez voir votre relais : un travailleur social peut vous aider sur place.
recover-done-title = Nouveau mot de passe enregistré
action-print = Imprimer

logout-title = Vous êtes déconnecté
logout-text = Rien de votre coffre ne reste sur cet appareil. Vous pouvez fermer cette page.

home-title = Mon coffre
home-hello = Bonjour { $name }
home-sections = Mes rubriques
home-invitations = { $count ->
    [one] Une structure souhaite vous suivre.
   *[other] { $count } structures souhaitent vous suivre.
}
notice-failed-logins = { $count ->
    [one] Depuis votre dernière visite, quelqu'un a essayé une fois d'entrer dans votre coffre sans succès.
   *[other] Depuis votre dernière visite, quelqu'un a essayé { $count } fois d'entrer dans votre coffre sans succès.
} Si ce n'était pas vous, changez votre mot de passe dans Mon compte.
notice-recovered = Votre mot de passe a été changé avec votre code de secours le { $date }. Si ce n'était pas vous, allez vite voir votre relais.
notice-password-changed = Votre mot de passe a été changé le { $date }. Si ce n'était pas vous, allez vite voir votre relais.
action-see = Voir
section-relais = Mes relais
section-settings = Mon compte

relais-intro = Vos relais sont les structures qui vous suivent. Pour chacune, vous voyez ce qu'elle peut voir.
relais-none = Vous n'avez aucun relais pour le moment.
relais-since = Depuis le { $date }
relais-recovery = Ce relais peut vous aider à retrouver l'accès sur place.
relais-sees = Ce que ce relais voit :
relais-sees-identity = Vos nom, date de naissance, téléphone et langue.
action-leave = Quitter ce relais
reset-title = Réinitialiser le mot de passe sur place
action-start-reset = Lancer une réinitialisation
reset-give = Donnez ce code à la personne (notez-le ou imprimez-le). Vous ne voyez ni ne choisissez jamais son mot de passe.
reset-step-1 = Sur la page de connexion, elle choisit « Mot de passe perdu ? ».
reset-step-2 = Elle tape son identifiant, coche « Un code que mon relais vient de me donner » et tape ce code.
reset-valid-until = Valable une fois, jusqu'au { $date }
reset-not-recovery-relay = Votre structure ne fait pas partie des relais qu'elle a choisis pour l'aider à retrouver l'accès. Elle peut la choisir dans « Mes relais ».
action-recovery-on = Autoriser ce relais à m'aider à retrouver mon coffre
action-recovery-off = Ne plus autoriser ce relais à m'aider à retrouver mon coffre
invitations-title = Invitations
invitation-text = { $structure } souhaite vous suivre.
action-accept = Accepter
action-decline = Refuser
leave-question = Quitter { $structure } ?
leave-text = Cette structure ne verra plus rien de votre coffre. Elle pourra vous inviter de nouveau plus tard.
action-leave-confirm = Oui, quitter
action-cancel = Annuler

settings-language = Langue
settings-password = Mot de passe
settings-current-password = Mot de passe actuel
settings-new-password = Nouveau mot de passe
settings-password-changed = Mot de passe changé. Vos autres sessions ont été fermées.
action-save = Enregistrer

pro-title = Ma structure
pro-no-structure = Vous n'êtes encore membre d'aucune structure.
pro-mediation = Structure de médiation : vous pouvez ouvrir des coffres, mais vous ne voyez le contenu de personne.
pro-followed = { $count ->
    [one] { $count } personne suivie
   *[other] { $count } personnes suivies
}
pro-followed-none = Personne pour le moment.
pro-invite-label = Inviter une personne qui a déjà un coffre (identifiant)
action-invite = Inviter
action-open-safe = Ouvrir un coffre
team-title = Équipe
invite-sent-title = Invitation envoyée
invite-sent-text = Si cet identifiant existe, la personne verra l'invitation à sa prochaine connexion.

open-title = Ouvrir un coffre
open-intro = Avec la personne, et avec son accord. Elle se connectera avec son identifiant et son mot de passe.
open-password-legend = Mot de passe
open-password-typed = La personne tape son mot de passe
open-password-generate = Générer une phrase de passe de 5 mots
open-password-field = Mot de passe tapé par la personne
open-consent = La personne accepte d'avoir un coffre et a été informée de qui peut voir quoi.

sheet-title = Fiche de secours
sheet-identifier = Identifiant
sheet-recovery-code = Code de secours
sheet-lost-title = Si vous perdez votre mot de passe
sheet-lost-1 = Allez sur { $address } (ou scannez le code) et choisissez « { $forgot } ».
sheet-lost-2 = Tapez votre identifiant et ce code de secours, puis choisissez un nouveau mot de passe.
sheet-lost-3 = Plus de fiche ? Allez voir votre relais : un travailleur social peut vous aider sur place.
sheet-keep = Gardez cette fiche en lieu sûr, loin de votre téléphone. Personne chez Consigne ne peut lire votre coffre.
sheet-passphrase-title = Mot de passe
sheet-passphrase-text = Montrez ce mot de passe à la personne pour qu'elle le retienne ou le note. Il n'est pas imprimé.
sheet-print-hint = Pour imprimer, utilisez le menu Imprimer du navigateur.
action-done = Terminé

team-empty = Aucun professionnel pour le moment.
team-pending = accès en attente
team-add = Ajouter un professionnel
team-initial-password = Mot de passe initial
team-added = { $name } a été ajouté(e).
role-member = Membre
role-admin = Administrateur de la structure
action-add = Ajouter

admin-title = Structures
admin-structures = Structures partenaires
admin-no-structure = Aucune structure pour le moment.
admin-create = Enregistrer une structure
structure-kind-relay = Relais (suit des personnes)
structure-kind-mediation = Médiation (ouvre des coffres, ne voit aucun contenu)
action-create = Enregistrer

# Documents and journal
section-documents = Mes papiers
section-journal = Mon journal
doc-folders = Dossiers
doc-none = Aucun document ici pour le moment. Prenez un papier en photo ou ajoutez un fichier ci-dessous.
doc-none-shared = La personne ne partage aucun document avec votre structure.
doc-shared-with-you = Documents partagés avec votre structure
doc-type-pdf = PDF
doc-type-photo = Photo
doc-expires = expire le { $date }
doc-add-title = Ajouter un fichier
doc-file = Fichier
doc-file-hint = Une photo (JPEG, PNG, WebP) ou un PDF, { $max } Mo au plus.
doc-name = Nom du document
doc-add-submit = Ajouter à mon coffre
doc-new-folder = Nouveau dossier
doc-folder-name = Nom du dossier
doc-folder = Dossier
doc-expiry = Date d'expiration
doc-edit = Nom, dossier, date d'expiration
doc-download = Télécharger
doc-shared-computer-warning = Sur un ordinateur partagé, le fichier téléchargé reste dans le dossier Téléchargements : supprimez-le après usage.
doc-who-sees = Qui voit ce document
doc-private-no-relais = Vous seul : vous n'avez pas de relais.
doc-share-legend = Partager avec mes relais
doc-added-by = Ajouté par { $who } le { $date }.
doc-delete = Supprimer ce document
doc-delete-question = Supprimer « { $name } » ?
doc-delete-text = Le document sera effacé pour de bon, pour vous et pour vos relais.
doc-delete-confirm = Oui, supprimer
doc-no-preview = Pas d'aperçu pour ce document. Téléchargez-le pour le lire.
doc-pages = Pages du document
doc-page-alt = Page { $n } sur { $total }
doc-pages-partial = Les { $shown } premières pages sur { $total } sont montrées. Téléchargez le document pour voir les autres.
pro-doc-back = Retour à la fiche de la personne
relais-sees-documents = { $count ->
    [one] { $count } document que vous lui partagez.
   *[other] { $count } documents que vous lui partagez.
}
error-unsupported-type = Ce type de fichier n'est pas accepté. Envoyez une photo (JPEG, PNG, WebP) ou un PDF.
error-file-too-large = Le fichier est trop gros ({ $max } Mo au plus). Reprenez une photo ou demandez à votre relais.
error-pdf-not-checkable = Ce PDF est trop gros pour être nettoyé ici (plus de { $max } Mo) et il contient des scripts, des fichiers joints ou des parties impossibles à vérifier. Enregistrez-le de nouveau en PDF (Imprimer, puis Enregistrer en PDF) ou envoyez-le en plusieurs fichiers plus petits.
error-photo-too-large = Cette photo est trop grosse (plus de { $max } Mo). Reprenez-la avec une résolution plus basse, ou envoyez-la en PDF.
error-too-many-files = Trop de photos à la fois (20 au plus).
error-quota = Votre coffre est plein. Supprimez les documents dont vous n'avez plus besoin.
error-input-damaged-file = est abîmé ou incomplet. Réessayez avec une autre copie.
error-input-malformed-upload = n'a pas été reçu en entier. Réessayez.
field-file = Le fichier
journal-intro = Tout ce qui s'est passé dans votre coffre : qui a ouvert ou changé quoi, et quand.
journal-you = vous
journal-someone = quelqu'un
journal-deleted-document = un document supprimé
journal-login-success = Connexion ({ $who }).
journal-login-failure = Quelqu'un a essayé d'entrer dans votre coffre sans succès.
journal-safe-opened-success = { $who } a ouvert votre coffre.
journal-profile-viewed-success = { $who } a consulté vos informations.
journal-invitation-sent-success = { $who } vous a invité(e) à être suivi(e).
journal-invitation-accepted-success = Invitation acceptée ({ $who }).
journal-invitation-declined-success = Invitation refusée ({ $who }).
journal-relay-left-success = Relais quitté ({ $who }).
journal-password-changed-success = Mot de passe changé ({ $who }).
journal-recovered-with-code-success = Le mot de passe a été changé avec le code de secours.
journal-recovered-in-person-success = Le mot de passe a été changé chez votre relais.
journal-reset-started-success = { $who } a demandé une réinitialisation de votre mot de passe.
journal-recovery-relay-added-success = Un relais peut maintenant aider à retrouver l'accès ({ $who }).
journal-recovery-relay-removed-success = Un relais ne peut plus aider à retrouver l'accès ({ $who }).
journal-document-uploaded-success = « { $what } » ajouté ({ $who }).
journal-document-viewed-success = « { $what } » regardé ({ $who }).
journal-document-downloaded-success = « { $what } » téléchargé ({ $who }).
journal-document-renamed-success = « { $what } » renommé ({ $who }).
journal-document-moved-success = « { $what } » déplacé ({ $who }).
journal-document-expiry-set-success = Date d'expiration de « { $what } » changée ({ $who }).
journal-document-deleted-success = Un document a été supprimé ({ $who }).
journal-document-shared-success = « { $what } » partagé avec un relais ({ $who }).
journal-document-unshared-success = « { $what } » n'est plus partagé ({ $who }).
journal-viewed-times = « { $what } » regardé { $count } fois ({ $who }).
journal-shared-with = « { $what } » partagé avec { $relais } ({ $who }).
journal-unshared-with = « { $what } » n'est plus partagé avec { $relais } ({ $who }).
journal-folder-created-success = Dossier créé ({ $who }).
journal-folder-deleted-success = Dossier supprimé ({ $who }).
journal-document-exported-success = « { $what } » copié dans un export du coffre ({ $who }).
export-title = Tout emporter
export-text = Un seul fichier (ZIP) avec tous vos documents, un fichier data.json avec tout le reste, et une liste d'empreintes pour vérifier que rien n'a changé.
export-download = Télécharger mon coffre
delete-account-title = Supprimer mon coffre
delete-account-text = Tout est effacé pour de bon : vos documents, vos relais, votre compte. Téléchargez d'abord votre coffre si vous voulez en garder une copie.
delete-account-password = Votre mot de passe, pour confirmer
delete-account-confirm = Tout supprimer
delete-account-done-title = Votre coffre est supprimé
delete-account-done-text = Il n'en reste rien. Une structure partenaire peut ouvrir un nouveau coffre avec vous à tout moment.
doc-page-up = Monter la page
doc-page-down = Descendre la page
doc-folder-edit = Renommer ou déplacer ce dossier
doc-folder-delete-hint = Ce qu'il contient revient dans « Mes papiers » : aucun document n'est perdu.
doc-folder-delete = Supprimer ce dossier
error-folder-cycle = Un dossier ne peut pas aller dans un de ses sous-dossiers.

## Contacts, notes and appointments
section-contacts = Mes contacts
section-notes = Mes notes
section-events = Mes rendez-vous
contact-add = Ajouter un contact
note-add = Ajouter une note
event-add = Ajouter un rendez-vous
contact-none = Pas encore de contact.
note-none = Pas encore de note.
event-none = Pas encore de rendez-vous.
contact-none-shared = La personne ne partage aucun contact avec votre structure.
note-none-shared = La personne ne partage aucune note avec votre structure.
event-none-shared = La personne ne partage aucun rendez-vous avec votre structure.
contact-shared-with-you = Contacts partagés avec votre structure
note-shared-with-you = Notes partagées avec votre structure
event-shared-with-you = Rendez-vous partagés avec votre structure
note-list-hint = Le texte d'une note reste caché ici : ouvrez la note pour le lire.
event-upcoming = À venir
event-past = Passés
event-reminder-1440 = SMS 1 jour avant
event-reminder-120 = SMS 2 heures avant
event-reminder-minutes = SMS { $minutes } minutes avant
item-edit = Modifier
item-delete = Supprimer
item-delete-question = Supprimer « { $name } » ?
item-delete-text = Ce sera effacé pour toujours, pour vous et pour vos relais.
item-delete-confirm = Oui, supprimer
item-who-sees = Qui voit ceci
item-added-by = Ajouté par { $who } le { $date }.
item-back-to-file = Retour au dossier de la personne
field-title = Titre
field-body = Texte
field-address = Adresse
field-comment = Commentaire
field-date = Date
field-time = Heure
field-starts-at = Date et heure
field-location = Lieu
field-reminders = Rappels
error-input-invalid = n'est pas valable.
error-input-invalid-datetime = n'est pas une date et une heure valables.
error-input-invalid-reminder = n'est pas un rappel valable.
error-input-too-many-reminders = : 5 rappels au plus.
relais-sees-contacts = Contacts que vous lui partagez : { $count }
relais-sees-notes = Notes que vous lui partagez : { $count }
relais-sees-events = Rendez-vous que vous lui partagez : { $count }
journal-deleted-item = un élément supprimé depuis
journal-contact-created-success = Contact « { $what } » ajouté ({ $who }).
journal-contact-viewed-success = Contact « { $what } » ouvert ({ $who }).
journal-contact-updated-success = Contact « { $what } » modifié ({ $who }).
journal-contact-deleted-success = Un contact a été supprimé ({ $who }).
journal-contact-shared-success = Contact « { $what } » partagé avec un relais ({ $who }).
journal-contact-unshared-success = Contact « { $what } » n'est plus partagé ({ $who }).
journal-note-created-success = Note « { $what } » ajoutée ({ $who }).
journal-note-viewed-success = Note « { $what } » ouverte ({ $who }).
journal-note-updated-success = Note « { $what } » modifiée ({ $who }).
journal-note-deleted-success = Une note a été supprimée ({ $who }).
journal-note-shared-success = Note « { $what } » partagée avec un relais ({ $who }).
journal-note-unshared-success = Note « { $what } » n'est plus partagée ({ $who }).
journal-event-created-success = Rendez-vous « { $what } » ajouté ({ $who }).
journal-event-viewed-success = Rendez-vous « { $what } » ouvert ({ $who }).
journal-event-updated-success = Rendez-vous « { $what } » modifié ({ $who }).
journal-event-deleted-success = Un rendez-vous a été supprimé ({ $who }).
journal-event-shared-success = Rendez-vous « { $what } » partagé avec un relais ({ $who }).
journal-event-unshared-success = Rendez-vous « { $what } » n'est plus partagé ({ $who }).
sms-event-reminder = Consigne : vous avez un rendez-vous le { $date } à { $time }. Détails dans votre coffre.
sms-expiry-reminder = Consigne : un de vos papiers expire dans { $days } jours. Ouvrez votre coffre pour le renouveler à temps.
reminder-status-scheduled = prévu
reminder-status-sent = envoyé
reminder-status-delivered = reçu
reminder-status-failed = non reçu
home-expiring-title = Papiers à renouveler bientôt
home-expiring-item = { $name } : expire le { $date }
home-expired-item = { $name } : a expiré le { $date }
home-expiring-more = … et { $count } autre(s) : voir mes papiers
agenda-download = Télécharger mon agenda (fichier .ics)
contacts-download = Télécharger mes contacts (fichier .vcf)
feed-title = Mes rendez-vous sur mon téléphone
feed-open = Voir mes rendez-vous dans l'agenda de mon téléphone
feed-intro = L'agenda de votre téléphone peut afficher vos rendez-vous et les tenir à jour. Il utilise un lien privé : gardez-le pour vous.
feed-none = Vous n'avez pas encore de lien privé.
feed-create = Créer mon lien privé
feed-created = Votre lien privé est prêt.
feed-subscribe = Ajouter à l'agenda de mon téléphone
feed-link-label = Mon lien privé
feed-qr-hint = Ou scannez ce code avec votre téléphone.
feed-warning = Toute personne qui a ce lien voit vos rendez-vous (pas vos papiers). Si vous l'avez donné par erreur, arrêtez-le.
feed-hidden = Ce lien ne peut plus être affiché ici. Créez-en un nouveau si besoin.
feed-last-read = Dernière lecture par un agenda : { $when }
feed-never-read = Aucun agenda ne l'a encore lu.
feed-renew = Créer un nouveau lien (l'ancien s'arrête)
feed-revoke = Arrêter ce lien
feed-revoked = Le lien est arrêté. Plus aucun agenda ne peut lire vos rendez-vous avec lui.
journal-calendar-feed-created-success = Lien d'agenda privé créé ({ $who }).
journal-calendar-feed-revoked-success = Lien d'agenda privé arrêté ({ $who }).

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = Votre compte de professionnel doit avoir un second facteur. Continuez pour obtenir la clé à entrer dans votre application d'authentification.
# issue 11: members
error-access-pending-approval = Un administrateur de votre structure qui détient sa clé doit d'abord approuver votre accès.
error-account-deactivated = Ce compte a été désactivé par votre structure. Demandez à son administrateur s'il s'agit d'une erreur.
error-last-key-holder = C'est le dernier membre qui détient la clé de la structure : approuvez d'abord un autre membre, sinon plus personne ne pourrait ouvrir ce que les personnes partagent avec la structure.
error-member-not-pending = Ce membre n'attend plus d'approbation.
error-key-not-held = Vous ne détenez pas encore la clé de la structure.
team-pending-title = En attente d'approbation
team-approve-hint = N'approuvez qu'une collègue que vous connaissez, après avoir vérifié avec elle en personne : l'approbation lui donne la clé de tout ce que les personnes partagent avec la structure.
team-pending-hint = Un administrateur de la structure qui détient sa clé doit approuver ces membres avant qu'ils ne voient quoi que ce soit.
team-requested = Demandé par { $name } le { $date }
team-requested-unknown = quelqu'un
team-approve = Approuver
team-refuse = Refuser
team-no-key = sans clé
team-deactivate = Désactiver
team-deactivate-hint = Désactiver un membre met fin à ses sessions tout de suite, retire son accès et renouvelle la clé de la structure. Il reste dans les journaux.
team-former-title = Anciens membres
team-deactivated-on = désactivé le { $date }
team-add-pending-hint = Vous ne détenez pas la clé de la structure : le nouveau membre attendra qu'un administrateur qui la détient l'approuve.
team-added-pending = { $name } a été ajouté et attend l'approbation d'un administrateur.
team-approved = Le membre a été approuvé : il a maintenant accès aux dossiers de la structure.
team-deactivated = Le membre a été désactivé : ses sessions sont terminées et la clé de la structure est en cours de renouvellement.
journal-member-added-success = { $who } a ajouté un membre à la structure.
journal-member-requested-success = { $who } a demandé l'ajout d'un membre à la structure.
journal-member-approved-success = { $who } a approuvé un membre de la structure.
journal-member-deactivated-success = { $who } a désactivé un membre de la structure.
journal-structure-key-rotated-success = La clé de la structure a été renouvelée.
# issue 11: reset
reset-intro-confirmed = La personne a perdu son mot de passe et sa fiche de secours ? Avec elle en face de vous, demandez une réinitialisation. Un ou une collègue de votre structure doit la confirmer ; le code lui est alors donné, et elle choisit elle-même son nouveau mot de passe.
reset-awaiting-text = La réinitialisation est demandée. Un ou une collègue de votre structure doit la confirmer depuis sa page d'accueil : le code lui est alors montré, pour le donner à la personne.
reset-delayed-text = Vous êtes le seul membre de votre structure à pouvoir la confirmer. Pour la protéger, le code ne peut être créé qu'à partir du { $date }. Revenez avec elle à ce moment-là : la demande sera sur votre page d'accueil.
reset-she-is-told = La personne a été prévenue (par SMS si son numéro est connu, et sur sa page). Elle peut l'annuler.
reset-step-3-new-sheet = Elle choisit son nouveau mot de passe, se connecte et imprime une nouvelle fiche de secours.
resets-pending-title = Réinitialisations en attente de confirmation
resets-pending-item = { $person } : demandée par { $who } le { $date }.
resets-confirmed = Déjà confirmée : le code a été donné une fois.
resets-delayed-until = Vous seul pouvez la confirmer, à partir du { $date }.
resets-needs-colleague = Un autre membre de la structure doit la confirmer.
action-confirm-reset = Confirmer et afficher le code
action-cancel-reset = Annuler cette réinitialisation
notice-reset-started = Une réinitialisation de votre mot de passe a été demandée à { $structure } le { $date }.
notice-reset-delayed = Elle ne peut pas servir avant le { $date }.
notice-reset-not-you = Si ce n'est pas vous qui l'avez demandée, annulez-la maintenant.
notice-new-sheet = Votre code de secours ne marche plus. Imprimez maintenant une nouvelle fiche de secours et gardez-la en lieu sûr.
action-new-sheet = Créer ma nouvelle fiche de secours
new-sheet-title = Une nouvelle fiche de secours
new-sheet-text = Cela crée un nouveau code de secours ; l'ancien ne marche plus. Imprimez la fiche ou notez le code, et gardez-le en lieu sûr, pas avec votre téléphone.
new-sheet-login-again = Pour vous protéger, déconnectez-vous et reconnectez-vous, puis revenez créer votre fiche.
phone-title = Mon numéro de téléphone
phone-text = Il sert seulement à vous envoyer des rappels et des messages de sécurité (par exemple si quelqu'un demande à réinitialiser votre mot de passe). Laissez vide pour l'effacer.
phone-hint = Par exemple 06 12 34 56 78
phone-pro-text = Ne le changez qu'avec la personne. Elle le verra dans son journal ; son ancien numéro reçoit un message.
open-recovery-legend = Votre structure peut-elle l'aider à retrouver l'accès à son coffre ?
open-recovery-consequence = Demandez-lui. Si elle dit oui, ce relais pourra l'aider à rentrer à nouveau si elle perd son mot de passe et sa fiche ; dans le pire des cas, il pourrait ouvrir son coffre. Elle peut changer d'avis à tout moment dans « Mes relais ».
open-recovery-yes = Oui, ce relais peut l'aider à retrouver l'accès
open-recovery-no = Non
open-recovery-required = Indiquez si ce relais peut l'aider à retrouver l'accès.
relais-recovery-consequence = Un relais autorisé à vous aider peut vous faire retrouver l'accès si vous perdez votre mot de passe et votre fiche ; dans le pire des cas, il pourrait ouvrir votre coffre. Vous êtes prévenu à chaque fois, et vous pouvez annuler.
recover-done-new-sheet = Votre mot de passe est changé. Votre ancien code de secours ne marche plus : connectez-vous maintenant et imprimez une nouvelle fiche de secours.
sms-reset-started = Consigne : quelqu'un a demandé à réinitialiser l'accès à votre coffre. Si ce n'est pas vous, connectez-vous et annulez-la.
sms-phone-changed = Consigne : le numéro de téléphone de votre coffre a été changé. Si ce n'est pas vous, parlez-en à votre relais.
journal-reset-confirmed-success = { $who } a confirmé une réinitialisation du mot de passe.
journal-reset-cancelled-success = { $who } a annulé une réinitialisation du mot de passe.
journal-recovery-code-renewed-success = { $who } a imprimé une nouvelle fiche de secours (l'ancien code ne marche plus).
journal-phone-changed-success = { $who } a changé le numéro de téléphone.
journal-phone-removed-success = { $who } a effacé le numéro de téléphone.
# issue 11: media (image and PDF bombs)
error-image-too-large = Cette image a trop de pixels pour être traitée ici (plus de { $max } mégapixels, ou trop de couleurs par pixel). Reprenez la photo avec une résolution plus basse, ou envoyez-la en PDF.
error-pdf-too-complex = Ce PDF se décompresse en trop de données pour être traité ici. Enregistrez-le de nouveau en PDF (Imprimer, puis Enregistrer en PDF) ou envoyez-le en plusieurs fichiers plus petits.
# issue 11: requests
error-field-too-long = Un champ du formulaire est trop long (le nom par exemple) : raccourcissez-le et renvoyez.
error-scan-too-large = Ces photos sont trop lourdes ensemble (plus de { $max } Mo) : envoyez moins de pages à la fois, ou prenez-les avec une résolution plus basse.
# issue 12: paginated lists, the professional's search
pager-label = Pages de la liste
pager-previous = Page précédente
pager-next = Page suivante
pager-position = Page { $page }
field-page = Le numéro de page
error-input-invalid-page = doit être un nombre entier de 1 à 100000.
pro-search-label = Chercher une personne (nom, prénom ou date de naissance)
action-search = Chercher
pro-search-clear = Effacer la recherche
pro-search-none = Personne ne correspond à cette recherche.
pro-search-found = { $count ->
    [one] { $count } personne trouvée
   *[other] { $count } personnes trouvées
}

## Times (local, to the minute)
time-zone-name = heure de { $city }
times-note = Les heures sont celles de { $city }.

## The printed recovery sheet, a structure's phone
sheet-address = Adresse du site
sheet-qr-label = Scannez ce code avec votre téléphone : il ouvre la page de connexion.
sheet-relay = Votre relais, qui peut vous aider sur place
sheet-made = Fiche faite le { $date }.
field-structure-phone = Téléphone de la structure
structure-phone-hint = Imprimé sur la fiche de secours des personnes qui ont choisi votre structure pour les aider à retrouver l'accès à leur coffre.
structure-phone-saved = Le numéro de la structure est enregistré.
journal-structure-phone-changed-success = { $who } a changé le numéro de téléphone de la structure.

## Show password
password-show = Afficher le mot de passe

## Ready-made folders of a new safe
folder-identity = Identité
folder-health = Santé
folder-housing = Logement
folder-income = Revenus
folder-family = Famille
folder-other = Autres
error-input-short-number = ne peut pas recevoir de SMS. Donnez un numéro de portable, par exemple 06 12 34 56 78 ou +44 7700 900123.
login-identifier-homonym = Points, espaces ou tirets, comme vous voulez (amina benali 14/02/1990). Si votre fiche montre un numéro après la date (par exemple -2), tapez-le aussi.
sheet-homonym = Votre identifiant finit par « { $number } » : une autre personne a le même nom et la même date de naissance. Tapez toujours « { $number } » à la fin.
error-invalid-recovery = Identifiant ou code incorrect. Vérifiez les deux : l'identifiant et le code de secours sont sur votre fiche, ou le code vient de votre relais. Sans code valable, allez voir votre relais.
notice-recovered-in-person = Votre mot de passe a été changé le { $date } avec un code donné par votre relais (réinitialisation sur place). Si ce n'était pas vous, allez vite voir votre relais.
recover-done-in-person = Votre mot de passe est changé avec le code de votre relais. Votre ancienne fiche de secours ne marche plus non plus : connectez-vous maintenant et imprimez une nouvelle fiche de secours.
doc-add-submit-for-her = Ajouter à son coffre
journal-document-expiry-removed-success = Date d'expiration de « { $what } » effacée ({ $who }).
doc-pro-corrections = Corriger ce que votre structure a ajouté
doc-pro-corrections-hint = Vous pouvez corriger le nom ou la date d'expiration, ou supprimer un document ajouté par votre structure, tant que la personne ne l'a pas modifié elle-même ni retiré du partage. Elle le voit dans son journal.
doc-pro-delete-text = Supprimer ce document de son coffre, pour de bon.
reminder-status-no_phone = pas de numéro de téléphone : rien ne sera envoyé
reminder-add-phone = Ajouter un numéro
phone-remove = Effacer ce numéro
phone-current = Numéro enregistré :
phone-none = Aucun numéro : les rappels par SMS ne peuvent pas être envoyés.
phone-add = Ajouter mon numéro
phone-change = Changer ou effacer mon numéro

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = C'est enregistré.
notice-added = C'est ajouté dans le coffre.
notice-deleted = C'est supprimé.
notice-shared = C'est enregistré : les relais cochés le voient.
notice-private = C'est enregistré : c'est privé, vous seul le voyez.
notice-invitation-accepted = Invitation acceptée : ce relais vous accompagne maintenant.
notice-invitation-declined = Invitation refusée : ce relais ne voit rien de votre coffre.
notice-relay-left = Vous avez quitté ce relais : il ne voit plus rien de votre coffre.
notice-page-added = Photo ajoutée.
notice-page-removed = Page retirée.
notice-scan-cancelled = Les photos sont effacées.
mark-private = Privé
mark-shared = { $count ->
    [one] Partagé avec 1 relais
   *[other] Partagé avec { $count } relais
}
mark-shared-structure = Partagé avec votre structure
scan-take = Prendre une photo
scan-take-another = Prendre une autre page en photo
scan-hint = Une photo par page. Ensuite, vous vérifiez les pages, vous donnez un nom et vous enregistrez.
scan-hint-again = Vous pourrez encore changer l'ordre des pages avant d'enregistrer.
scan-chosen = Photo prête : appuyez sur « Continuer ».
scan-review-title = Vérifier les photos
scan-review-text = { $count ->
    [one] Une page.
   *[other] { $count } pages.
} Vérifiez que chaque page se lit bien et que les pages sont dans l'ordre.
scan-page = Page { $number }
scan-remove = Retirer
scan-remove-page = Retirer la page { $number }
scan-save-title = Nommer et enregistrer
scan-save = { $count ->
    [one] Enregistrer le document (1 page)
   *[other] Enregistrer le document ({ $count } pages)
}
scan-cancel = Annuler et effacer ces photos
scan-gone-title = Ces photos ne sont plus là
scan-gone-text = Les photos sont gardées une heure, tant que vous restez connecté : elles ont été enregistrées, annulées ou effacées. Reprenez-les en photo.

# Issue 14: a structure's statistics.
stats-title = Statistiques
stats-intro = Chaque chiffre est un comptage de données que le serveur voit en clair (dates, types, compteurs) : aucun contenu n'est déchiffré pour les calculer. Les jours sont ceux du fuseau horaire de la plateforme.
stats-structure = Structure
field-from = Du
field-to = Au
stats-period = Du { $from } au { $to }
stats-no-rate = — (aucun coffre ouvert)
stats-download-csv = Télécharger (CSV)
stats-download-ods = Télécharger (tableur ODS)
error-input-invalid-period = n'est pas une période valable : le début doit précéder la fin, sur dix ans au plus.
stats-from = Début de la période
stats-from-def = Premier jour compté.
stats-to = Fin de la période
stats-to-def = Dernier jour compté.
stats-people-followed = Personnes suivies
stats-people-followed-def = Personnes qui ont la structure comme relais à la fin de la période : elles l'ont choisie avant cette date et ne l'ont pas quittée depuis (Consigne ne garde pas trace des départs).
stats-safes-opened = Coffres ouverts
stats-safes-opened-def = Coffres-forts ouverts par un professionnel de la structure pendant la période.
stats-safes-reconnected = Personnes reconnectées
stats-safes-reconnected-def = Parmi ces coffres, ceux dont la titulaire s'est connectée elle-même au moins une fois entre le 1er et le 183e jour après l'ouverture. Le jour n commence n × 24 heures après l'ouverture : le jour de l'ouverture ne compte pas, ni une connexion après le 183e jour.
stats-reconnection-rate = Taux de reconnexion
stats-reconnection-rate-def = Personnes reconnectées divisées par coffres ouverts (vide si aucun coffre n'a été ouvert). Un coffre ouvert il y a moins de 184 jours compte déjà.
stats-relais-accepted = Nouveaux relais acceptés
stats-relais-accepted-def = Personnes qui ont accepté pendant la période que la structure devienne leur relais (invitation acceptée). Les coffres que la structure a ouverts n'y sont pas comptés.
stats-documents-added-by-professionals = Documents ajoutés par les professionnels
stats-documents-added-by-professionals-def = Documents ajoutés pendant la période par un professionnel de la structure dans le coffre d'une personne (ceux effacés depuis ne comptent plus).
stats-documents-added-by-people = Documents ajoutés par les personnes
stats-documents-added-by-people-def = Documents que les personnes ont ajoutés elles-mêmes pendant la période et qu'elles partagent avec la structure. Ceux qu'elles gardent pour elles ne sont pas comptés.
stats-sms-sent = SMS envoyés
stats-sms-sent-def = Rappels par SMS envoyés pendant la période aux personnes dont la structure a ouvert le coffre.
stats-sms-segments = Segments SMS
stats-sms-segments-def = Segments que l'opérateur a comptés pour ces SMS (un SMS long ou avec des caractères spéciaux en compte plusieurs).

# Household (issue 14, item 3)
family-title = Ma famille
family-intro = Reliez votre coffre aux coffres de votre famille (conjoint, enfants, parents) s'ils sont d'accord, et notez les personnes à votre charge qui n'ont pas de coffre. Un lien ne montre jamais à vos relais plus que ce que vous partagez avec eux.
family-links-title = Coffres reliés
family-none = Personne pour l'instant.
family-state-linked = Reliés
family-state-waiting-for-me = Demande à se relier à vous
family-state-waiting-for-them = En attente de sa réponse
family-a-relais = un relais
family-proposed-by = Proposé par { $structure }
family-undo = Défaire le lien
family-ask-title = Demander à relier un coffre
family-ask-hint = Tapez l'identifiant du coffre de l'autre personne. Elle voit votre demande dans son coffre et choisit de l'accepter. Un enfant qui a son propre coffre l'accepte lui-même.
family-ask-action = Envoyer la demande
family-ask-sent = Si un coffre a cet identifiant, sa propriétaire verra votre demande dans son coffre. Le lien n'existe qu'une fois accepté.
family-dependants-title = Personnes à ma charge sans coffre
family-dependants-hint = Vous seule les voyez, sauf si vous en montrez une à un relais.
family-show-to = Montrer à { $relais }
family-hide-from = Ne plus montrer à { $relais }
family-delete = Supprimer
family-dependant-add = Ajouter une personne
family-pro-title = Famille
family-pro-intro = Les coffres reliés dont la personne a aussi votre structure comme relais, et les personnes à charge qu'elles vous montrent. Un lien ne vous montre jamais plus.
family-pro-members = Membres
family-pro-dependants = Personnes à charge
family-pro-of = notée par { $name }
family-propose-title = Proposer un lien
family-propose-hint = Chaque personne doit l'accepter dans son propre coffre.
family-propose-action = Proposer
family-pro-back = Retour à la fiche de la personne
field-relation = Lien de parenté
field-member = Personne
relation-partner = Conjoint ou conjointe
relation-child = Enfant
relation-parent = Parent
relation-sibling = Frère ou sœur
relation-other = Autre
error-input-invalid-relation = n'est pas valide : choisissez dans la liste.
error-household-exists = Ces deux coffres sont déjà reliés ou en attente. Voyez la page famille.
journal-household-link-asked-success = { $who } a demandé à relier deux coffres d'une famille.
journal-household-link-proposed-success = { $who } a proposé de relier deux coffres d'une famille.
journal-household-link-accepted-success = { $who } a accepté un lien familial.
journal-household-link-removed-success = { $who } a retiré un lien familial.
journal-household-viewed-success = { $who } a consulté la fiche famille.
journal-dependant-added-success = { $who } a ajouté une personne à votre charge.
journal-dependant-deleted-success = { $who } a supprimé une personne à votre charge.
journal-dependant-shown-success = { $who } a montré une personne à votre charge à { $relais }.
journal-dependant-hidden-success = { $who } ne montre plus une personne à votre charge à { $relais }.
