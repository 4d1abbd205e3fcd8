import { appointmentStart, appointmentWhen, duration, type LocaleCopy } from '../copy.ts';

const STATUS = { open: 'abierta', 'in-progress': 'en curso', answered: 'respondida', closed: 'cerrada' } as const;
const minutes = (amount: number) => duration('es', amount, 'minute');
const hours = (amount: number) => duration('es', amount, 'hour');
const spam =
  '¿Espera otro correo nuestro que no ha llegado? Revise también su carpeta de correo no deseado (spam) y añada esta dirección a sus contactos para recibir siempre nuestros mensajes.';
const ignore = 'Si no esperaba este correo, puede ignorarlo.';

/** Mail in Spanish. */
export const es: LocaleCopy = {
  codeLabel: 'Su código',
  fallbackLink: 'Si el botón no funciona, copie esta dirección en su navegador:',
  footer: (tenant) => `Enviado por el Portal del Cliente de ${tenant}.`,
  templates: {
    activation: ({ link, expiresInHours }, tenant) => ({
      subject: `Active su acceso a ${tenant}`,
      heading: 'Active su acceso',
      intro: [`${tenant} ha creado su acceso al Portal del Cliente. Confirme su correo electrónico y cree su contraseña con el botón de abajo.`],
      action: { button: 'Activar mi acceso', link },
      notes: [`Este enlace caduca en ${hours(expiresInHours)} y solo puede usarse una vez.`, ignore],
    }),
    'staff-setup': ({ link, expiresInHours, invitedBy }, tenant) => ({
      subject: `Su acceso a la consola de ${tenant}`,
      heading: 'Configure su acceso a la consola',
      intro: [`${invitedBy} le añadió al equipo de ${tenant} en Portico. Elija su contraseña y añada Portico a una aplicación de autenticación: la consola siempre le pedirá un código de ella.`],
      action: { button: 'Configurar mi acceso', link },
      notes: [`Este enlace caduca en ${hours(expiresInHours)} y solo puede usarse una vez.`, ignore],
    }),
    'test-mail': ({ sentBy }, tenant) => ({
      subject: `Correo de prueba de ${tenant}`,
      heading: 'Los correos de su portal llegan',
      intro: [`${sentBy} envió esta prueba desde la consola de ${tenant}. Si la está leyendo, los correos del portal (enlaces de activación, códigos, avisos) llegan a este buzón.`],
      notes: [spam],
    }),
    'register-code': ({ code, expiresInMinutes }, tenant) => ({
      subject: `Su código de verificación — ${tenant}`,
      heading: 'Confirme su correo electrónico',
      intro: [`Use este código para confirmar su correo electrónico y crear su cuenta en el Portal del Cliente de ${tenant}:`],
      action: { code },
      notes: [
        'Atención: este código no es su contraseña, sino un código de verificación de un solo uso. Introdúzcalo en el portal, donde luego creará su contraseña.',
        `Caduca en ${minutes(expiresInMinutes)}. Si no lo ha solicitado, ignore este correo.`,
        spam,
      ],
    }),
    'first-access': ({ link, expiresInHours }, tenant) => ({
      subject: `Su acceso al Portal del Cliente de ${tenant}`,
      heading: 'Su Portal del Cliente está listo',
      intro: [
        `${tenant} le ha dado acceso a su Portal del Cliente, donde podrá seguir sus servicios, documentos y pagos.`,
        'Cree su contraseña para entrar por primera vez.',
      ],
      action: { button: 'Crear mi contraseña', link },
      notes: [`Este enlace caduca en ${hours(expiresInHours)} y solo puede usarse una vez.`, ignore],
    }),
    reset: ({ link, expiresInMinutes }, tenant) => ({
      subject: `Restablecimiento de contraseña — ${tenant}`,
      heading: 'Restablezca su contraseña',
      intro: [
        `Hemos recibido una solicitud para restablecer la contraseña de su cuenta en el Portal del Cliente de ${tenant}. Elija una nueva contraseña con el botón de abajo.`,
      ],
      action: { button: 'Elegir nueva contraseña', link },
      notes: [
        `Este enlace caduca en ${minutes(expiresInMinutes)} y solo puede usarse una vez.`,
        'Si no lo ha solicitado, ignore este correo: su contraseña no cambia.',
      ],
    }),
    'magic-link': ({ link, expiresInMinutes, profileOnly }, tenant) =>
      profileOnly === 'true'
        ? {
            subject: `Actualice sus datos — ${tenant}`,
            heading: 'Actualice sus datos',
            intro: [`${tenant} le pide que revise y actualice sus datos de registro. El botón de abajo abre directamente su perfil, sin contraseña.`],
            action: { button: 'Actualizar mis datos', link },
            notes: [`Este enlace abre solo su perfil, caduca en ${minutes(expiresInMinutes)} y solo puede usarse una vez.`, ignore],
          }
        : {
            subject: `Su enlace de acceso — ${tenant}`,
            heading: 'Entre en su portal',
            intro: [`Use el botón de abajo para entrar en el Portal del Cliente de ${tenant} sin escribir su contraseña.`],
            action: { button: 'Entrar', link },
            notes: [
              `Este enlace caduca en ${minutes(expiresInMinutes)} y solo puede usarse una vez. No reenvíe este correo: quien tenga el enlace puede entrar en su portal.`,
              ignore,
            ],
          },
    'sign-in-code': ({ code, expiresInMinutes }, tenant) => ({
      subject: `Su código de acceso — ${tenant}`,
      heading: 'Su código de acceso',
      intro: [`Use este código para entrar en el Portal del Cliente de ${tenant}:`],
      action: { code },
      notes: [
        `Atención: este código no es su contraseña. Sirve para un único acceso y caduca en ${minutes(expiresInMinutes)}.`,
        `No lo comparta nunca: ${tenant} nunca se lo pedirá. Si no ha intentado entrar, ignore este correo.`,
        spam,
      ],
    }),
    'request-update': ({ link, requestSubject, event, status }, tenant) => ({
      subject: event === 'reply' ? `${tenant} ha respondido a su solicitud` : `Su solicitud a ${tenant}: ${STATUS[status]}`,
      heading: event === 'reply' ? 'Tiene una respuesta' : 'Su solicitud ha avanzado',
      intro: [
        event === 'reply' ? `${tenant} ha respondido a su solicitud «${requestSubject}».` : `Su solicitud «${requestSubject}» está ahora ${STATUS[status]}.`,
        'Acceda al portal de clientes para leerla y, si lo necesita, responder.',
      ],
      action: { button: 'Abrir mi solicitud', link },
      notes: [`Recibe este correo porque hizo esta solicitud en el portal de clientes de ${tenant}.`],
    }),
    'process-update': ({ link, processTitle, event, detail }, tenant) => ({
      subject: event === 'phase' ? `${tenant}: su expediente avanza a «${detail}»` : `${tenant}: novedad en su expediente — ${detail}`,
      heading: event === 'phase' ? 'Su expediente ha avanzado' : 'Hay una novedad en su expediente',
      intro: [
        event === 'phase' ? `El expediente «${processTitle}» ha pasado a la fase «${detail}».` : `${tenant} ha publicado «${detail}» en el expediente «${processTitle}».`,
        'Acceda al portal de clientes para ver los detalles.',
      ],
      action: { button: 'Ver mi expediente', link },
      notes: [`Recibe este correo porque ${tenant} lleva este expediente y usted tiene acceso a él en el portal de clientes.`],
    }),
    'document-new': ({ link, documentTitle }, tenant) => ({
      subject: `${tenant}: nuevo documento — ${documentTitle}`,
      heading: 'Tiene un documento nuevo',
      intro: [`${tenant} ha puesto a su disposición «${documentTitle}» en el portal de clientes.`],
      action: { button: 'Ver mis documentos', link },
      notes: [`Recibe este correo porque tiene acceso a los documentos de esta cuenta en el portal de clientes de ${tenant}.`],
    }),
    'appointment-booked': (data, tenant) => ({
      subject: `${tenant}: cita confirmada — ${data.serviceName}, ${appointmentStart('es', data)}`,
      heading: 'Su cita está confirmada',
      intro: [
        `${data.serviceName} con ${data.providerName}.`,
        `Cuándo: ${appointmentWhen('es', data)}.`,
        ...(data.location ? [`Dónde: ${data.location}.`] : []),
        'La invitación adjunta (appointment.ics) añade la cita a su calendario.',
      ],
      action: { button: 'Ver mis citas', link: data.link },
      notes: [
        'Para ver los detalles o cancelarla, dentro del plazo permitido, acceda al portal de clientes.',
        `Recibe este correo porque tiene una cita a su nombre en el portal de clientes de ${tenant}.`,
      ],
    }),
    'appointment-cancelled': (data, tenant) => ({
      subject: `${tenant}: cita cancelada — ${data.serviceName}, ${appointmentStart('es', data)}`,
      heading: 'Su cita ha sido cancelada',
      intro: [
        `La cita de ${data.serviceName} con ${data.providerName} del ${appointmentWhen('es', data)} ha sido cancelada.`,
        'La invitación adjunta (appointment.ics) quita la cita de su calendario.',
      ],
      action: { button: 'Ver mis citas', link: data.link },
      notes: [
        `Si usted no ha pedido esta cancelación, consulte con ${tenant}.`,
        `Recibe este correo porque tenía una cita a su nombre en el portal de clientes de ${tenant}.`,
      ],
    }),
  },
};
