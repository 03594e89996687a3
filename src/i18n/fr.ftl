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
error-input-invalid-phone = n'est pas un numéro de téléphone valide.
error-input-unsupported-language = n'est pas disponible.
error-input-invalid-kind = n'est pas valide.
error-input-invalid-role = n'est pas valide.
error-input-invalid-identifier = n'est pas valide : prenom.nom.JJMMAAAA
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
login-identifier-hint = Exemple : prenom.nom.JJMMAAAA (professionnels : votre e-mail)
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
recover-done-text = Votre ancien code ne marche plus. Voici votre nouveau code de secours : notez-le ou imprimez-le, et gardez-le en lieu sûr.
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
reset-intro = La personne a perdu son mot de passe et sa fiche de secours ? Avec elle en face de vous, lancez une réinitialisation : vous obtenez un code à lui donner, et elle choisit elle-même son nouveau mot de passe.
action-start-reset = Lancer une réinitialisation
reset-give = Donnez ce code à la personne (notez-le ou imprimez-le). Vous ne voyez ni ne choisissez jamais son mot de passe.
reset-step-1 = Sur la page de connexion, elle choisit « Mot de passe perdu ? ».
reset-step-2 = Elle tape son identifiant, coche « Un code que mon relais vient de me donner » et tape ce code.
reset-step-3 = Elle choisit son nouveau mot de passe et reçoit une nouvelle fiche de secours.
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
sheet-lost-1 = Allez sur consigne et choisissez « Mot de passe perdu ».
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
doc-scan-title = Prendre un papier en photo
doc-scan-hint = Une photo par page. Toutes les photos deviennent un seul document PDF, dans l'ordre choisi.
doc-scan-photos = Photos (appareil photo)
doc-scan-submit = Enregistrer le scan
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
journal-reset-started-success = { $who } a lancé avec vous une réinitialisation du mot de passe.
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
