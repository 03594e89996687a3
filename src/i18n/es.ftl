# Consigne — catálogo español. Cada id sigue a fr.ftl (un test lo comprueba).
# "relais" = "entidad de apoyo". Se tutea a la persona.

skip-to-content = Ir al contenido
language-label = Idioma
action-change-language = OK
action-logout = Cerrar sesión
demo-banner = Demostración: los profesionales y administradores entran sin segundo factor. No guardes aquí documentos reales.
footer-text = Consigne — tus papeles, seguros. Tú decides quién ve qué.

error-title = Algo ha fallado
not-found-title = Página no encontrada
not-found-text = Esta página no existe o no puedes verla.
action-back-home = Volver al inicio

error-invalid-credentials = Identificador o contraseña incorrectos. Compruébalos y vuelve a intentarlo. ¿Olvidaste la contraseña? Usa tu código de recuperación o pide ayuda a tu entidad de apoyo.
error-throttled = { $minutes ->
    [one] Demasiados intentos. Espera { $minutes } minuto y vuelve a intentarlo.
   *[other] Demasiados intentos. Espera { $minutes } minutos y vuelve a intentarlo.
}
error-wrong-code = Código incorrecto. Escribe los 6 números que ves ahora en tu aplicación.
error-not-found = No encontrado.
error-forbidden = Tu cuenta no puede hacer esto.
error-access-pending = Un compañero de tu entidad debe entrar una vez para darte acceso a sus expedientes.
error-consent = Marca la casilla para confirmar que la persona está de acuerdo.
error-email-taken = Este correo electrónico ya tiene una cuenta.
error-storage-full = El almacenamiento está lleno. Vuelve a intentarlo más tarde o avisa a tu entidad de apoyo.
error-session-expired = Se ha cerrado tu sesión. Vuelve a entrar.
error-internal = Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento.
error-form-expired = Este formulario ha caducado. Vuelve a intentarlo.
error-password-too-short = Contraseña demasiado corta: al menos 8 caracteres.
error-password-too-long = Contraseña demasiado larga.
error-password-too-weak = Contraseña demasiado fácil de adivinar. Una frase de unas pocas palabras es segura y fácil de recordar.
error-password-common = Contraseña demasiado común. Elige una frase que solo tú conozcas.
error-password-personal = La contraseña no debe contener tu nombre ni tu fecha de nacimiento.
# Estos mensajes van detrás del nombre del campo: «Nombre — campo obligatorio.»
error-input-required = — campo obligatorio.
error-input-invalid-name = — no es válido.
error-input-invalid-date = — no es una fecha válida (día/mes/año).
error-input-invalid-email = — no es un correo electrónico válido.
error-input-too-long = — es demasiado largo.
error-input-invalid-phone = — no es un número válido. Escríbelo así, por ejemplo: 06 12 34 56 78, +44 20 7946 0958 o 115.
error-input-unsupported-language = — no está disponible.
error-input-invalid-kind = — no es válido.
error-input-invalid-role = — no es válido.
error-input-invalid-identifier = — no es válido: nombre.apellido.DDMMAAAA, en letras latinas (ejemplo: amina.benali.14021990)
error-input-invalid-amount = — debe ser un número entero de euros.

field-first-name = Nombre
field-last-name = Apellidos
field-birth-date = Fecha de nacimiento
field-phone = Teléfono
field-language = Idioma
field-email = Correo electrónico
field-display-name = Nombre
field-name = Nombre
field-city = Ciudad
field-kind = Tipo
field-role = Función
field-identifier = Identificador
field-password = Contraseña
field-annual-budget-eur = Presupuesto anual (euros)
field-budget = Presupuesto anual (euros)
field-structure-name = Nombre de la entidad
field-structure-kind = Tipo de entidad
optional = (opcional)
password-rules = Al menos 8 caracteres. Lo mejor es una frase de unas pocas palabras. Sin nombre ni fecha de nacimiento.

login-title = Entrar
login-identifier = Identificador
login-identifier-hint = Ejemplo: amina.benali.14021990 (nombre.apellido.DDMMAAAA, en letras latinas; profesionales: tu correo electrónico)
login-password = Contraseña
action-login = Entrar
login-forgot = ¿Olvidaste la contraseña?
login-no-account = ¿Aún no tienes caja fuerte? Una entidad colaboradora (centro de día, CCAS, asociación) puede abrir una contigo.

totp-title = Código de seguridad
totp-code = Código de 6 números de tu aplicación de autenticación
action-continue = Continuar
enroll-title = Activar el segundo factor
enroll-text = Escanea este código con una aplicación de autenticación (por ejemplo FreeOTP o Aegis) y escribe los 6 números que muestra.
enroll-manual = ¿No puedes escanear? Escribe esta clave en la aplicación:
action-confirm = Confirmar
action-retry = Volver a intentarlo

recover-title = Contraseña perdida
recover-text = Usa el código de recuperación impreso en tu hoja para elegir una contraseña nueva.
recover-source = ¿Qué código tienes?
recover-source-sheet = El código de mi hoja de recuperación
recover-source-relay = Un código que mi entidad de apoyo acaba de darme
recover-code = Código de recuperación
recover-code-hint = El código de tu hoja, por ejemplo ABCD-EFGH-…
recover-new-password = Contraseña nueva
action-recover = Elegir esta contraseña
recover-no-code = ¿No tienes el código? Ve a tu entidad de apoyo: un trabajador social puede ayudarte allí mismo.
recover-done-title = Contraseña nueva guardada
action-print = Imprimir

logout-title = Has cerrado sesión
logout-text = No queda nada de tu caja fuerte en este aparato. Puedes cerrar esta página.

home-title = Mi caja fuerte
home-hello = Hola, { $name }
home-sections = Mis apartados
home-invitations = { $count ->
    [one] Una entidad quiere acompañarte.
   *[other] { $count } entidades quieren acompañarte.
}
notice-failed-logins = { $count ->
    [one] Desde tu última visita, alguien intentó una vez entrar en tu caja fuerte, sin éxito.
   *[other] Desde tu última visita, alguien intentó { $count } veces entrar en tu caja fuerte, sin éxito.
} Si no fuiste tú, cambia tu contraseña en Mi cuenta.
notice-recovered = Tu contraseña se cambió con tu código de recuperación el { $date }. Si no fuiste tú, ve pronto a tu entidad de apoyo.
notice-password-changed = Tu contraseña se cambió el { $date }. Si no fuiste tú, ve pronto a tu entidad de apoyo.
action-see = Ver
section-relais = Mis entidades de apoyo
section-settings = Mi cuenta

relais-intro = Tus entidades de apoyo son las entidades que te acompañan. Para cada una, ves lo que puede ver.
relais-none = Por ahora no tienes ninguna entidad de apoyo.
relais-since = Desde el { $date }
relais-recovery = Esta entidad de apoyo puede ayudarte en persona a recuperar el acceso.
relais-sees = Lo que ve esta entidad de apoyo:
relais-sees-identity = Tu nombre, fecha de nacimiento, teléfono e idioma.
action-leave = Dejar esta entidad de apoyo
reset-title = Restablecer la contraseña en persona
action-start-reset = Iniciar un restablecimiento
reset-give = Da este código a la persona (apúntalo o imprímelo). Nunca ves ni eliges su contraseña.
reset-step-1 = En la página para entrar, la persona elige «¿Olvidaste la contraseña?».
reset-step-2 = Escribe su identificador, marca «Un código que mi entidad de apoyo acaba de darme» y escribe este código.
reset-valid-until = Válido una sola vez, hasta el { $date }
reset-not-recovery-relay = Tu entidad no está entre las entidades de apoyo que la persona eligió para ayudarla a recuperar el acceso. Puede elegirla en «Mis entidades de apoyo».
action-recovery-on = Permitir que esta entidad de apoyo me ayude a recuperar mi caja fuerte
action-recovery-off = Ya no permitir que esta entidad de apoyo me ayude a recuperar mi caja fuerte
invitations-title = Invitaciones
invitation-text = { $structure } quiere acompañarte.
action-accept = Aceptar
action-decline = Rechazar
leave-question = ¿Dejar { $structure }?
leave-text = Esta entidad ya no verá nada de tu caja fuerte. Podrá invitarte de nuevo más adelante.
action-leave-confirm = Sí, dejarla
action-cancel = Cancelar

settings-language = Idioma
settings-password = Contraseña
settings-current-password = Contraseña actual
settings-new-password = Contraseña nueva
settings-password-changed = Contraseña cambiada. Se han cerrado tus otras sesiones.
action-save = Guardar

pro-title = Mi entidad
pro-no-structure = Todavía no formas parte de ninguna entidad.
pro-mediation = Entidad de mediación: puedes abrir cajas fuertes, pero no ves el contenido de nadie.
pro-followed = { $count ->
    [one] { $count } persona acompañada
   *[other] { $count } personas acompañadas
}
pro-followed-none = Nadie por ahora.
pro-invite-label = Invitar a una persona que ya tiene caja fuerte (identificador)
action-invite = Invitar
action-open-safe = Abrir una caja fuerte
team-title = Equipo
invite-sent-title = Invitación enviada
invite-sent-text = Si este identificador existe, la persona verá la invitación la próxima vez que entre.

open-title = Abrir una caja fuerte
open-intro = Con la persona y con su acuerdo. Entrará con su identificador y su contraseña.
open-password-legend = Contraseña
open-password-typed = La persona escribe su contraseña
open-password-generate = Generar una frase de contraseña de 5 palabras
open-password-field = Contraseña escrita por la persona
open-consent = La persona acepta tener una caja fuerte y sabe quién puede ver qué.

sheet-title = Hoja de recuperación
sheet-identifier = Identificador
sheet-recovery-code = Código de recuperación
sheet-lost-title = Si pierdes tu contraseña
sheet-lost-1 = Entra en { $address } (o escanea el código) y elige «{ $forgot }».
sheet-lost-2 = Escribe tu identificador y este código de recuperación, y luego elige una contraseña nueva.
sheet-lost-3 = ¿Ya no tienes la hoja? Ve a tu entidad de apoyo: un trabajador social puede ayudarte allí mismo.
sheet-keep = Guarda esta hoja en un lugar seguro, lejos de tu teléfono. Nadie en Consigne puede leer tu caja fuerte.
sheet-passphrase-title = Contraseña
sheet-passphrase-text = Enseña esta contraseña a la persona para que la recuerde o la apunte. No se imprime.
sheet-print-hint = Para imprimir, usa el menú Imprimir del navegador.
action-done = Terminado

team-empty = Todavía no hay ningún profesional.
team-pending = acceso pendiente
team-add = Añadir un profesional
team-initial-password = Contraseña inicial
team-added = { $name } ya forma parte del equipo.
role-member = Miembro
role-admin = Administrador de la entidad
action-add = Añadir

admin-title = Entidades
admin-structures = Entidades colaboradoras
admin-no-structure = Todavía no hay ninguna entidad.
admin-create = Registrar una entidad
structure-kind-relay = Entidad de apoyo (acompaña a personas)
structure-kind-mediation = Mediación (abre cajas fuertes, no ve ningún contenido)
action-create = Registrar

# Documents and journal
section-documents = Mis papeles
section-journal = Mi registro
doc-folders = Carpetas
doc-none = Todavía no hay ningún documento aquí. Haz una foto de un papel o añade un archivo abajo.
doc-none-shared = La persona no comparte ningún documento con tu entidad.
doc-shared-with-you = Documentos compartidos con tu entidad
doc-type-pdf = PDF
doc-type-photo = Foto
doc-expires = caduca el { $date }
doc-add-title = Añadir un archivo
doc-file = Archivo
doc-file-hint = Una foto (JPEG, PNG, WebP) o un PDF, de { $max } MB como máximo.
doc-name = Nombre del documento
doc-add-submit = Añadir a mi caja fuerte
doc-new-folder = Carpeta nueva
doc-folder-name = Nombre de la carpeta
doc-folder = Carpeta
doc-expiry = Fecha de caducidad
doc-edit = Nombre, carpeta, fecha de caducidad
doc-download = Descargar
doc-shared-computer-warning = En un ordenador compartido, el archivo descargado se queda en la carpeta Descargas: bórralo después de usarlo.
doc-who-sees = Quién ve este documento
doc-private-no-relais = Solo tú: no tienes ninguna entidad de apoyo.
doc-share-legend = Compartir con mis entidades de apoyo
doc-added-by = Añadido el { $date } ({ $who }).
doc-delete = Eliminar este documento
doc-delete-question = ¿Eliminar «{ $name }»?
doc-delete-text = El documento se borrará para siempre, para ti y para tus entidades de apoyo.
doc-delete-confirm = Sí, eliminar
doc-no-preview = No hay vista previa de este documento. Descárguelo para leerlo.
doc-pages = Páginas del documento
doc-page-alt = Página { $n } de { $total }
doc-pages-partial = Se muestran las { $shown } primeras páginas de { $total }. Descargue el documento para ver las demás.
pro-doc-back = Volver a la ficha de la persona
relais-sees-documents = { $count ->
    [one] { $count } documento que compartes con ella.
   *[other] { $count } documentos que compartes con ella.
}
error-unsupported-type = Este tipo de archivo no se acepta. Envía una foto (JPEG, PNG, WebP) o un PDF.
error-file-too-large = El archivo es demasiado grande ({ $max } MB como máximo). Haz una foto nueva o pide ayuda a tu entidad de apoyo.
error-pdf-not-checkable = Este PDF es demasiado grande para limpiarlo aquí (más de { $max } MB) y contiene scripts, archivos adjuntos o partes que no podemos comprobar. Vuelve a guardarlo como PDF (Imprimir y luego Guardar como PDF) o envíalo en varios archivos más pequeños.
error-photo-too-large = Esta foto es demasiado grande (más de { $max } MB). Vuelve a hacerla con una resolución más baja, o envíala como PDF.
error-too-many-files = Demasiadas fotos a la vez (20 como máximo).
error-quota = Tu caja fuerte está llena. Elimina los documentos que ya no necesites.
error-input-damaged-file = — está dañado o incompleto. Vuelve a intentarlo con otra copia.
error-input-malformed-upload = — no se ha recibido completo. Vuelve a intentarlo.
field-file = Archivo
journal-intro = Todo lo que ha pasado en tu caja fuerte: quién abrió o cambió qué, y cuándo.
journal-you = tú
journal-someone = alguien
journal-deleted-document = un documento eliminado
journal-login-success = Entrada en la caja fuerte ({ $who }).
journal-login-failure = Alguien intentó entrar en tu caja fuerte, sin éxito.
journal-safe-opened-success = Se abrió tu caja fuerte ({ $who }).
journal-profile-viewed-success = Se consultaron tus datos ({ $who }).
journal-invitation-sent-success = Se envió una invitación para acompañarte ({ $who }).
journal-invitation-accepted-success = Invitación aceptada ({ $who }).
journal-invitation-declined-success = Invitación rechazada ({ $who }).
journal-relay-left-success = Se dejó una entidad de apoyo ({ $who }).
journal-password-changed-success = Contraseña cambiada ({ $who }).
journal-recovered-with-code-success = La contraseña se cambió con el código de recuperación.
journal-recovered-in-person-success = La contraseña se cambió en tu entidad de apoyo.
journal-reset-started-success = { $who } pidió restablecer tu contraseña.
journal-recovery-relay-added-success = Una entidad de apoyo ya puede ayudar a recuperar el acceso ({ $who }).
journal-recovery-relay-removed-success = Una entidad de apoyo ya no puede ayudar a recuperar el acceso ({ $who }).
journal-document-uploaded-success = Documento «{ $what }» añadido ({ $who }).
journal-document-viewed-success = Documento «{ $what }» consultado ({ $who }).
journal-document-downloaded-success = Documento «{ $what }» descargado ({ $who }).
journal-document-renamed-success = Documento «{ $what }» renombrado ({ $who }).
journal-document-moved-success = Documento «{ $what }» movido ({ $who }).
journal-document-expiry-set-success = Fecha de caducidad de «{ $what }» cambiada ({ $who }).
journal-document-deleted-success = Documento eliminado ({ $who }).
journal-document-shared-success = Documento «{ $what }» compartido con una entidad de apoyo ({ $who }).
journal-document-unshared-success = El documento «{ $what }» ya no se comparte ({ $who }).
journal-viewed-times = «{ $what }» consultado { $count } veces ({ $who }).
journal-shared-with = «{ $what }» compartido con { $relais } ({ $who }).
journal-unshared-with = «{ $what }» ya no se comparte con { $relais } ({ $who }).
journal-folder-created-success = Carpeta creada ({ $who }).
journal-folder-deleted-success = Carpeta eliminada ({ $who }).
journal-document-exported-success = Documento «{ $what }» incluido en una copia exportada de la caja fuerte ({ $who }).
export-title = Llevártelo todo
export-text = Un solo archivo (ZIP) con todos tus documentos, un archivo data.json con todo lo demás y una lista de huellas digitales para comprobar que nada ha cambiado.
export-download = Descargar mi caja fuerte
delete-account-title = Eliminar mi caja fuerte
delete-account-text = Todo se borra para siempre: tus documentos, tus vínculos con entidades de apoyo, tu cuenta. Descarga primero tu caja fuerte si quieres guardar una copia.
delete-account-password = Tu contraseña, para confirmar
delete-account-confirm = Eliminar todo
delete-account-done-title = Tu caja fuerte se ha eliminado
delete-account-done-text = No queda nada de ella. Una entidad colaboradora puede abrir contigo una caja fuerte nueva en cualquier momento.
doc-page-up = Subir la página
doc-page-down = Bajar la página
doc-folder-edit = Cambiar el nombre o mover esta carpeta
doc-folder-delete-hint = Lo que contiene vuelve a «Mis papeles»: no se pierde ningún documento.
doc-folder-delete = Borrar esta carpeta
error-folder-cycle = Una carpeta no puede ir dentro de una de sus subcarpetas.

## Contacts, notes and appointments
section-contacts = Mis contactos
section-notes = Mis notas
section-events = Mis citas
contact-add = Añadir un contacto
note-add = Añadir una nota
event-add = Añadir una cita
contact-none = Todavía no hay contactos.
note-none = Todavía no hay notas.
event-none = Todavía no hay citas.
contact-none-shared = La persona no comparte ningún contacto con tu entidad.
note-none-shared = La persona no comparte ninguna nota con tu entidad.
event-none-shared = La persona no comparte ninguna cita con tu entidad.
contact-shared-with-you = Contactos compartidos con su entidad
note-shared-with-you = Notas compartidas con su entidad
event-shared-with-you = Citas compartidas con su entidad
note-list-hint = El texto de una nota queda oculto aquí: abre la nota para leerlo.
event-upcoming = Próximas
event-past = Pasadas
event-reminder-1440 = SMS 1 día antes
event-reminder-120 = SMS 2 horas antes
event-reminder-minutes = SMS { $minutes } minutos antes
item-edit = Cambiar
item-delete = Eliminar
item-delete-question = ¿Eliminar «{ $name }»?
item-delete-text = Se borrará para siempre, para ti y para tus entidades de apoyo.
item-delete-confirm = Sí, eliminar
item-who-sees = Quién ve esto
item-added-by = Añadido por { $who } el { $date }.
item-back-to-file = Volver al expediente de la persona
field-title = Título
field-body = Texto
field-address = Dirección
field-comment = Comentario
field-date = Fecha
field-time = Hora
field-starts-at = Fecha y hora
field-location = Lugar
field-reminders = Recordatorios
error-input-invalid = no es válido.
error-input-invalid-datetime = no es una fecha y hora válidas.
error-input-invalid-reminder = no es un recordatorio válido.
error-input-too-many-reminders = : 5 recordatorios como máximo.
relais-sees-contacts = Contactos que compartes con ella: { $count }
relais-sees-notes = Notas que compartes con ella: { $count }
relais-sees-events = Citas que compartes con ella: { $count }
journal-deleted-item = algo eliminado después
journal-contact-created-success = Contacto «{ $what }» añadido ({ $who }).
journal-contact-viewed-success = Contacto «{ $what }» abierto ({ $who }).
journal-contact-updated-success = Contacto «{ $what }» cambiado ({ $who }).
journal-contact-deleted-success = Contacto eliminado ({ $who }).
journal-contact-shared-success = Contacto «{ $what }» compartido con una entidad de apoyo ({ $who }).
journal-contact-unshared-success = Contacto «{ $what }» ya no compartido ({ $who }).
journal-note-created-success = Nota «{ $what }» añadida ({ $who }).
journal-note-viewed-success = Nota «{ $what }» abierta ({ $who }).
journal-note-updated-success = Nota «{ $what }» cambiada ({ $who }).
journal-note-deleted-success = Nota eliminada ({ $who }).
journal-note-shared-success = Nota «{ $what }» compartida con una entidad de apoyo ({ $who }).
journal-note-unshared-success = Nota «{ $what }» ya no compartida ({ $who }).
journal-event-created-success = Cita «{ $what }» añadida ({ $who }).
journal-event-viewed-success = Cita «{ $what }» abierta ({ $who }).
journal-event-updated-success = Cita «{ $what }» cambiada ({ $who }).
journal-event-deleted-success = Cita eliminada ({ $who }).
journal-event-shared-success = Cita «{ $what }» compartida con una entidad de apoyo ({ $who }).
journal-event-unshared-success = Cita «{ $what }» ya no compartida ({ $who }).
sms-event-reminder = Consigne: tienes una cita el { $date } a las { $time }. Detalles en tu caja fuerte.
sms-expiry-reminder = Consigne: uno de tus papeles caduca en { $days } días. Abre tu caja fuerte para renovarlo a tiempo.
reminder-status-scheduled = programado
reminder-status-sent = enviado
reminder-status-delivered = recibido
reminder-status-failed = no recibido
home-expiring-title = Papeles que renovar pronto
home-expiring-item = { $name }: caduca el { $date }
home-expired-item = { $name }: caducó el { $date }
home-expiring-more = … y { $count } más: ver mis papeles
agenda-download = Descargar mi agenda (archivo .ics)
contacts-download = Descargar mis contactos (archivo .vcf)
feed-title = Mis citas en mi teléfono
feed-open = Ver mis citas en el calendario de mi teléfono
feed-intro = El calendario de su teléfono puede mostrar sus citas y mantenerlas al día. Usa un enlace privado: no lo comparta.
feed-none = Todavía no tiene enlace privado.
feed-create = Crear mi enlace privado
feed-created = Su enlace privado está listo.
feed-subscribe = Añadir al calendario de mi teléfono
feed-link-label = Mi enlace privado
feed-qr-hint = O escanee este código con su teléfono.
feed-warning = Quien tenga este enlace ve sus citas (no sus papeles). Si lo dio por error, deténgalo.
feed-hidden = Este enlace ya no se puede mostrar aquí. Cree uno nuevo si lo necesita.
feed-last-read = Última lectura por un calendario: { $when }
feed-never-read = Ningún calendario lo ha leído todavía.
feed-renew = Crear un enlace nuevo (el antiguo se detiene)
feed-revoke = Detener este enlace
feed-revoked = El enlace está detenido. Ningún calendario puede leer sus citas con él.
journal-calendar-feed-created-success = { $who } creó un enlace privado de calendario.
journal-calendar-feed-revoked-success = { $who } detuvo el enlace privado de calendario.

# issue 11: misc (throttling, invitations, second factor, API errors)
enroll-start-text = Su cuenta de profesional necesita un segundo factor. Continúe para obtener la clave que debe introducir en su aplicación de autenticación.
# issue 11: members
error-access-pending-approval = Un administrador de su estructura que tenga su clave debe aprobar primero su acceso.
error-account-deactivated = Su estructura desactivó esta cuenta. Pregunte a su administrador si se trata de un error.
error-last-key-holder = Es el último miembro que tiene la clave de la estructura: apruebe antes a otro miembro, o nadie podría abrir lo que las personas comparten con la estructura.
error-member-not-pending = Este miembro ya no espera aprobación.
error-key-not-held = Todavía no tiene la clave de la estructura.
team-pending-title = Esperando aprobación
team-approve-hint = Apruebe solo a una colega que conozca, tras comprobarlo con ella en persona: aprobarla le da la clave de todo lo que las personas comparten con la estructura.
team-pending-hint = Un administrador de la estructura que tenga su clave debe aprobar a estos miembros antes de que vean nada.
team-requested = Pedido por { $name } el { $date }
team-requested-unknown = alguien
team-approve = Aprobar
team-refuse = Rechazar
team-no-key = sin clave
team-deactivate = Desactivar
team-deactivate-hint = Desactivar a un miembro cierra sus sesiones enseguida, retira su acceso y renueva la clave de la estructura. Sigue apareciendo en los registros.
team-former-title = Antiguos miembros
team-deactivated-on = desactivado el { $date }
team-add-pending-hint = No tiene la clave de la estructura: el nuevo miembro esperará a que un administrador que la tenga lo apruebe.
team-added-pending = { $name } ha sido añadido y espera la aprobación de un administrador.
team-approved = El miembro ha sido aprobado: ahora tiene acceso a los expedientes de la estructura.
team-deactivated = El miembro ha sido desactivado: sus sesiones se cerraron y la clave de la estructura se está renovando.
journal-member-added-success = { $who } añadió un miembro a la estructura.
journal-member-requested-success = { $who } pidió añadir un miembro a la estructura.
journal-member-approved-success = { $who } aprobó a un miembro de la estructura.
journal-member-deactivated-success = { $who } desactivó a un miembro de la estructura.
journal-structure-key-rotated-success = Se renovó la clave de la estructura.
# issue 11: reset
reset-intro-confirmed = ¿La persona perdió su contraseña y su hoja de recuperación? Con ella delante, pide un restablecimiento. Un compañero o compañera de tu estructura debe confirmarlo; entonces se le da el código y ella elige su nueva contraseña.
reset-awaiting-text = El restablecimiento está pedido. Un compañero o compañera de tu estructura debe confirmarlo desde su página de inicio: entonces verá el código, para dárselo a la persona.
reset-delayed-text = Eres el único miembro de tu estructura que puede confirmarlo. Para protegerla, el código solo puede crearse a partir del { $date }. Vuelve con ella entonces: la solicitud estará en tu página de inicio.
reset-she-is-told = La persona ha sido avisada (por SMS si se conoce su número, y en su página). Puede anularlo.
reset-step-3-new-sheet = Elige su nueva contraseña, inicia sesión e imprime una nueva hoja de recuperación.
resets-pending-title = Restablecimientos pendientes de confirmación
resets-pending-item = { $person }: pedido por { $who } el { $date }.
resets-confirmed = Ya confirmado: el código se dio una vez.
resets-delayed-until = Solo tú puedes confirmarlo, a partir del { $date }.
resets-needs-colleague = Otro miembro de la estructura debe confirmarlo.
action-confirm-reset = Confirmar y mostrar el código
action-cancel-reset = Anular este restablecimiento
notice-reset-started = Se pidió restablecer tu contraseña en { $structure } el { $date }.
notice-reset-delayed = No puede usarse antes del { $date }.
notice-reset-not-you = Si no lo pediste tú, anúlalo ahora.
notice-new-sheet = Tu código de recuperación ya no funciona. Imprime ahora una nueva hoja de recuperación y guárdala en un lugar seguro.
action-new-sheet = Crear mi nueva hoja de recuperación
new-sheet-title = Una nueva hoja de recuperación
new-sheet-text = Esto crea un nuevo código de recuperación; el antiguo deja de funcionar. Imprime la hoja o apunta el código, y guárdalo en un lugar seguro, no con tu teléfono.
new-sheet-login-again = Para protegerte, cierra la sesión y vuelve a entrar; después vuelve aquí para crear tu hoja.
phone-title = Mi número de teléfono
phone-text = Solo sirve para enviarte recordatorios y mensajes de seguridad (por ejemplo, si alguien pide restablecer tu contraseña). Déjalo vacío para borrarlo.
phone-hint = Por ejemplo 06 12 34 56 78
phone-pro-text = Cámbialo solo con la persona. Lo verá en su diario; su número anterior recibe un mensaje.
open-recovery-legend = ¿Puede tu estructura ayudarla a recuperar el acceso a su caja fuerte?
open-recovery-consequence = Pregúntaselo. Si dice que sí, esta entidad de apoyo podrá ayudarla a entrar de nuevo si pierde su contraseña y su hoja; en el peor de los casos, podría abrir su caja fuerte. Puede cambiar de opinión cuando quiera en «Mis entidades de apoyo».
open-recovery-yes = Sí, esta entidad de apoyo puede ayudarla a recuperar el acceso
open-recovery-no = No
open-recovery-required = Indica si esta entidad de apoyo puede ayudarla a recuperar el acceso.
relais-recovery-consequence = Una entidad de apoyo autorizada a ayudarte puede devolverte el acceso si pierdes tu contraseña y tu hoja; en el peor de los casos, podría abrir tu caja fuerte. Se te avisa cada vez, y puedes anularlo.
recover-done-new-sheet = Tu contraseña ha cambiado. Tu antiguo código de recuperación ya no funciona: inicia sesión ahora e imprime una nueva hoja de recuperación.
sms-reset-started = Consigne: alguien pidio restablecer el acceso a tu caja fuerte. Si no fuiste tu, inicia sesion y anulalo.
sms-phone-changed = Consigne: el numero de telefono de tu caja fuerte ha cambiado. Si no fuiste tu, habla con tu entidad de apoyo.
journal-reset-confirmed-success = { $who } confirmó un restablecimiento de la contraseña.
journal-reset-cancelled-success = { $who } anuló un restablecimiento de la contraseña.
journal-recovery-code-renewed-success = { $who } imprimió una nueva hoja de recuperación (el código antiguo ya no funciona).
journal-phone-changed-success = { $who } cambió el número de teléfono.
journal-phone-removed-success = { $who } borró el número de teléfono.
# issue 11: media (image and PDF bombs)
error-image-too-large = Esta imagen tiene demasiados píxeles para procesarla aquí (más de { $max } megapíxeles, o demasiados colores por píxel). Vuelva a tomar la foto con una resolución más baja, o envíela en PDF.
error-pdf-too-complex = Este PDF se descomprime en demasiados datos para procesarlo aquí. Guárdelo de nuevo como PDF (Imprimir, luego Guardar como PDF) o envíelo en varios archivos más pequeños.
# issue 11: requests
error-field-too-long = Un campo del formulario es demasiado largo (el nombre, por ejemplo): acórtelo y envíelo de nuevo.
error-scan-too-large = Estas fotos son demasiado pesadas juntas (más de { $max } MB): envíe menos páginas a la vez o tómelas con una resolución más baja.
# issue 12: paginated lists, the professional's search
pager-label = Páginas de la lista
pager-previous = Página anterior
pager-next = Página siguiente
pager-position = Página { $page }
field-page = El número de página
error-input-invalid-page = debe ser un número entero de 1 a 100000.
pro-search-label = Buscar a una persona (apellido, nombre o fecha de nacimiento)
action-search = Buscar
pro-search-clear = Borrar la búsqueda
pro-search-none = Nadie coincide con esta búsqueda.
pro-search-found = { $count ->
    [one] { $count } persona encontrada
   *[other] { $count } personas encontradas
}

## Times (local, to the minute)
time-zone-name = hora de { $city }
times-note = Las horas son las de { $city }.

## The printed recovery sheet, a structure's phone
sheet-address = Dirección del sitio
sheet-qr-label = Escanea este código con tu teléfono: abre la página de acceso.
sheet-relay = Tu entidad de apoyo, que puede ayudarte en persona
sheet-made = Hoja hecha el { $date }.
field-structure-phone = Teléfono de la estructura
structure-phone-hint = Se imprime en la hoja de recuperación de las personas que eligieron tu estructura para ayudarlas a recuperar el acceso a su caja fuerte.
structure-phone-saved = El número de la estructura se ha guardado.
journal-structure-phone-changed-success = { $who } cambió el número de teléfono de la estructura.

## Show password
password-show = Mostrar la contraseña

## Ready-made folders of a new safe
folder-identity = Identidad
folder-health = Salud
folder-housing = Vivienda
folder-income = Ingresos
folder-family = Familia
folder-other = Otros
error-input-short-number = — no puede recibir SMS. Indica un número de móvil, por ejemplo 06 12 34 56 78 o +44 7700 900123.
login-identifier-homonym = Puntos, espacios o guiones, como quieras (amina benali 14/02/1990). Si tu hoja muestra un número después de la fecha (por ejemplo -2), escríbelo también.
sheet-homonym = Tu identificador termina en «{ $number }»: otra persona tiene el mismo nombre y la misma fecha de nacimiento. Escribe siempre «{ $number }» al final.
error-invalid-recovery = Identificador o código incorrectos. Comprueba los dos: el identificador y el código de recuperación están en tu hoja, o el código te lo dio tu entidad de apoyo. Sin un código válido, ve a tu entidad de apoyo.
notice-recovered-in-person = Tu contraseña se cambió el { $date } con un código que te dio tu entidad de apoyo (restablecimiento en persona). Si no fuiste tú, ve pronto a tu entidad de apoyo.
recover-done-in-person = Tu contraseña ha cambiado con el código de tu entidad de apoyo. Tu antigua hoja de recuperación tampoco funciona ya: inicia sesión ahora e imprime una nueva hoja de recuperación.
doc-add-submit-for-her = Añadir a la caja fuerte de esta persona
journal-document-expiry-removed-success = Fecha de caducidad de «{ $what }» borrada ({ $who }).
doc-pro-corrections = Corregir lo que añadió tu estructura
doc-pro-corrections-hint = Puedes corregir el nombre o la fecha de caducidad, o borrar un documento que añadió tu estructura, mientras la persona no lo haya cambiado ella misma ni haya dejado de compartirlo. Lo verá en su registro.
doc-pro-delete-text = Borrar este documento de la caja fuerte de la persona, para siempre.
reminder-status-no_phone = no hay número de teléfono: no se enviará nada
reminder-add-phone = Añadir un número
phone-remove = Borrar este número
phone-current = Número guardado:
phone-none = Ningún número: no se pueden enviar recordatorios por SMS.
phone-add = Añadir mi número
phone-change = Cambiar o borrar mi número

# Issue 13: success notices, private/shared marks, taking a photo in steps
notice-saved = Guardado.
notice-added = Añadido a la caja fuerte.
notice-deleted = Eliminado.
notice-shared = Guardado: las entidades de apoyo marcadas lo ven.
notice-private = Guardado: es privado, solo tú lo ves.
notice-invitation-accepted = Invitación aceptada: esta entidad de apoyo te acompaña ahora.
notice-invitation-declined = Invitación rechazada: esta entidad de apoyo no ve nada de tu caja fuerte.
notice-relay-left = Has dejado esta entidad de apoyo: ya no ve nada de tu caja fuerte.
notice-page-added = Foto añadida.
notice-page-removed = Página quitada.
notice-scan-cancelled = Las fotos se han borrado.
mark-private = Privado
mark-shared = { $count ->
    [one] Compartido con 1 entidad de apoyo
   *[other] Compartido con { $count } entidades de apoyo
}
mark-shared-structure = Compartido con tu entidad
scan-take = Hacer una foto
scan-take-another = Hacer una foto de otra página
scan-hint = Una foto por página. Después revisas las páginas, pones un nombre y guardas.
scan-hint-again = Todavía puedes cambiar el orden de las páginas antes de guardar.
scan-chosen = Foto lista: pulsa «Continuar».
scan-review-title = Revisar las fotos
scan-review-text = { $count ->
    [one] Una página.
   *[other] { $count } páginas.
} Comprueba que cada página se lee bien y que están en orden.
scan-page = Página { $number }
scan-remove = Quitar
scan-remove-page = Quitar la página { $number }
scan-save-title = Poner un nombre y guardar
scan-save = { $count ->
    [one] Guardar el documento (1 página)
   *[other] Guardar el documento ({ $count } páginas)
}
scan-cancel = Cancelar y borrar estas fotos
scan-gone-title = Estas fotos ya no están
scan-gone-text = Las fotos se guardan una hora, mientras sigues conectado: se guardaron, se cancelaron o se borraron. Vuelve a hacerlas.

# Issue 14: a structure's statistics.
stats-title = Estadísticas
stats-intro = Cada cifra cuenta datos que el servidor ve sin cifrar (fechas, tipos, contadores): no se descifra ningún contenido para calcularlas. Los días son los de la zona horaria de la plataforma.
stats-structure = Estructura
field-from = Desde
field-to = Hasta
stats-period = Del { $from } al { $to }
stats-no-rate = — (ninguna caja abierta)
stats-download-csv = Descargar (CSV)
stats-download-ods = Descargar (hoja de cálculo ODS)
error-input-invalid-period = no es un periodo válido: el inicio debe ser anterior al final, diez años como máximo.
stats-from = Inicio del periodo
stats-from-def = Primer día contado.
stats-to = Fin del periodo
stats-to-def = Último día contado.
stats-people-followed = Personas acompañadas
stats-people-followed-def = Personas que tienen la estructura como relevo al final del periodo: la eligieron antes de esa fecha y no la han dejado desde entonces (Consigne no guarda registro de las salidas).
stats-safes-opened = Cajas abiertas
stats-safes-opened-def = Cajas fuertes abiertas por un profesional de la estructura durante el periodo.
stats-safes-reconnected = Personas reconectadas
stats-safes-reconnected-def = Entre esas cajas, aquellas cuya titular se conectó ella misma al menos una vez entre el día 1 y el día 183 tras la apertura. El día n empieza n × 24 horas después de la apertura: el día de la apertura no cuenta, ni una conexión después del día 183.
stats-reconnection-rate = Tasa de reconexión
stats-reconnection-rate-def = Personas reconectadas divididas por cajas abiertas (vacío si no se abrió ninguna). Una caja abierta hace menos de 184 días ya cuenta.
stats-relais-accepted = Nuevos relevos aceptados
stats-relais-accepted-def = Personas que aceptaron durante el periodo que la estructura fuera su relevo (invitación aceptada). Las cajas que abrió la estructura no se cuentan aquí.
stats-documents-added-by-professionals = Documentos añadidos por los profesionales
stats-documents-added-by-professionals-def = Documentos que un profesional de la estructura añadió a la caja de una persona durante el periodo (los borrados desde entonces ya no cuentan).
stats-documents-added-by-people = Documentos añadidos por las personas
stats-documents-added-by-people-def = Documentos que las personas añadieron ellas mismas durante el periodo y que comparten con la estructura. Los que guardan para sí no se cuentan.
stats-sms-sent = SMS enviados
stats-sms-sent-def = Recordatorios por SMS enviados durante el periodo a las personas cuya caja abrió la estructura.
stats-sms-segments = Segmentos SMS
stats-sms-segments-def = Segmentos que el operador contó para esos SMS (un texto largo o con caracteres especiales cuenta varios).

# Household (issue 14, item 3)
family-title = Mi familia
family-intro = Vincula tu caja fuerte con las de tu familia (pareja, hijos, padres) si están de acuerdo, y anota a las personas a tu cargo que no tienen caja fuerte. Un vínculo nunca muestra a tus relevos más de lo que compartes con ellos.
family-links-title = Cajas vinculadas
family-none = Nadie por ahora.
family-state-linked = Vinculadas
family-state-waiting-for-me = Pide vincularse contigo
family-state-waiting-for-them = Esperando su respuesta
family-a-relais = un relevo
family-proposed-by = Propuesto por { $structure }
family-undo = Deshacer el vínculo
family-ask-title = Pedir vincular una caja fuerte
family-ask-hint = Escribe el identificador de la caja fuerte de la otra persona. Ella ve tu solicitud en su caja y decide aceptarla. Un niño con su propia caja la acepta él mismo.
family-ask-action = Enviar la solicitud
family-ask-sent = Si una caja fuerte tiene este identificador, su titular verá tu solicitud. El vínculo solo existe cuando ella lo acepta.
family-dependants-title = Personas a mi cargo sin caja fuerte
family-dependants-hint = Solo tú las ves, salvo si muestras una a un relevo.
family-show-to = Mostrar a { $relais }
family-hide-from = Dejar de mostrar a { $relais }
family-delete = Eliminar
family-dependant-add = Añadir una persona
family-pro-title = Familia
family-pro-intro = Las cajas vinculadas cuya titular también tiene a tu estructura como relevo, y las personas a cargo que te muestran. Un vínculo nunca te muestra más.
family-pro-members = Miembros
family-pro-dependants = Personas a cargo
family-pro-of = anotada por { $name }
family-propose-title = Proponer un vínculo
family-propose-hint = Cada persona debe aceptarlo en su propia caja fuerte.
family-propose-action = Proponer
family-pro-back = Volver a la ficha de la persona
field-relation = Parentesco
field-member = Persona
relation-partner = Pareja
relation-child = Hijo o hija
relation-parent = Padre o madre
relation-sibling = Hermano o hermana
relation-other = Otro
error-input-invalid-relation = no es válido: elige uno de la lista.
error-household-exists = Estas dos cajas ya están vinculadas o pendientes. Mira la página de familia.
journal-household-link-asked-success = { $who } pidió vincular dos cajas de una familia.
journal-household-link-proposed-success = { $who } propuso vincular dos cajas de una familia.
journal-household-link-accepted-success = { $who } aceptó un vínculo familiar.
journal-household-link-removed-success = { $who } quitó un vínculo familiar.
journal-household-viewed-success = { $who } consultó la ficha de familia.
journal-dependant-added-success = { $who } añadió una persona a tu cargo.
journal-dependant-deleted-success = { $who } eliminó una persona a tu cargo.
journal-dependant-shown-success = { $who } mostró una persona a tu cargo a { $relais }.
journal-dependant-hidden-success = { $who } dejó de mostrar una persona a tu cargo a { $relais }.
