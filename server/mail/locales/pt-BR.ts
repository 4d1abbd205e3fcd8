import { appointmentStart, appointmentWhen, duration, type LocaleCopy } from '../copy.ts';

const STATUS = { open: 'aberta', 'in-progress': 'em andamento', answered: 'respondida', closed: 'encerrada' } as const;
const minutes = (amount: number) => duration('pt-BR', amount, 'minute');
const hours = (amount: number) => duration('pt-BR', amount, 'hour');
const spam =
  'Está esperando outro e-mail nosso que não chegou? Verifique também a caixa de spam e adicione este endereço aos seus contatos para receber sempre as nossas mensagens.';
const ignore = 'Se você não esperava este e-mail, pode ignorá-lo.';

/** Mail in Brazilian Portuguese. */
export const ptBR: LocaleCopy = {
  codeLabel: 'Seu código',
  fallbackLink: 'Se o botão não funcionar, copie este endereço no seu navegador:',
  footer: (tenant) => `Enviado pelo Portal do Cliente ${tenant}.`,
  templates: {
    activation: ({ link, expiresInHours }, tenant) => ({
      subject: `Ative seu acesso a ${tenant}`,
      heading: 'Ative seu acesso',
      intro: [`${tenant} criou o seu acesso ao Portal do Cliente. Confirme seu e-mail e crie sua senha pelo botão abaixo.`],
      action: { button: 'Ativar meu acesso', link },
      notes: [`Este link expira em ${hours(expiresInHours)} e só pode ser usado uma vez.`, ignore],
    }),
    'staff-setup': ({ link, expiresInHours, invitedBy }, tenant) => ({
      subject: `Seu acesso ao console de ${tenant}`,
      heading: 'Configure seu acesso ao console',
      intro: [`${invitedBy} adicionou você à equipe de ${tenant} no Portico. Crie sua senha e adicione o Portico a um aplicativo autenticador: o console sempre pede um código dele.`],
      action: { button: 'Configurar meu acesso', link },
      notes: [`Este link expira em ${hours(expiresInHours)} e só pode ser usado uma vez.`, ignore],
    }),
    'test-mail': ({ sentBy }, tenant) => ({
      subject: `E-mail de teste de ${tenant}`,
      heading: 'Os e-mails do seu portal chegam',
      intro: [`${sentBy} enviou este teste pelo console de ${tenant}. Se você está lendo, os e-mails do portal (links de ativação, códigos, avisos) chegam a esta caixa.`],
      notes: [spam],
    }),
    'register-code': ({ code, expiresInMinutes }, tenant) => ({
      subject: `Seu código de verificação — ${tenant}`,
      heading: 'Confirme seu e-mail',
      intro: [`Use este código para confirmar seu e-mail e criar sua conta no Portal do Cliente ${tenant}:`],
      action: { code },
      notes: [
        'Atenção: este código não é a sua senha. É um código de verificação de uso único: digite-o no portal, onde você vai criar a sua senha.',
        `Ele expira em ${minutes(expiresInMinutes)}. Se você não pediu este código, ignore este e-mail.`,
        spam,
      ],
    }),
    'first-access': ({ link, expiresInHours }, tenant) => ({
      subject: `Seu acesso ao Portal do Cliente ${tenant}`,
      heading: 'Seu Portal do Cliente está pronto',
      intro: [
        `${tenant} liberou o seu acesso ao Portal do Cliente, onde você acompanha seus serviços, documentos e pagamentos.`,
        'Crie sua senha para entrar pela primeira vez.',
      ],
      action: { button: 'Criar minha senha', link },
      notes: [`Este link expira em ${hours(expiresInHours)} e só pode ser usado uma vez.`, ignore],
    }),
    reset: ({ link, expiresInMinutes }, tenant) => ({
      subject: `Redefinição de senha — ${tenant}`,
      heading: 'Redefina sua senha',
      intro: [`Recebemos um pedido para redefinir a senha da sua conta no Portal do Cliente ${tenant}. Escolha uma nova senha pelo botão abaixo.`],
      action: { button: 'Escolher nova senha', link },
      notes: [
        `Este link expira em ${minutes(expiresInMinutes)} e só pode ser usado uma vez.`,
        'Se você não fez este pedido, ignore este e-mail: sua senha continua a mesma.',
      ],
    }),
    'magic-link': ({ link, expiresInMinutes, profileOnly }, tenant) =>
      profileOnly === 'true'
        ? {
            subject: `Atualize seus dados — ${tenant}`,
            heading: 'Atualize seus dados cadastrais',
            intro: [`${tenant} pede que você confira e atualize os seus dados cadastrais. O botão abaixo abre diretamente o seu perfil, sem senha.`],
            action: { button: 'Atualizar meus dados', link },
            notes: [`Este link abre somente o seu perfil, expira em ${minutes(expiresInMinutes)} e só pode ser usado uma vez.`, ignore],
          }
        : {
            subject: `Seu link de acesso — ${tenant}`,
            heading: 'Entre no seu portal',
            intro: [`Use o botão abaixo para entrar no Portal do Cliente ${tenant} sem digitar sua senha.`],
            action: { button: 'Entrar', link },
            notes: [
              `Este link expira em ${minutes(expiresInMinutes)} e só pode ser usado uma vez. Não encaminhe este e-mail: quem tiver o link pode entrar no seu portal.`,
              ignore,
            ],
          },
    'sign-in-code': ({ code, expiresInMinutes }, tenant) => ({
      subject: `Seu código de acesso — ${tenant}`,
      heading: 'Seu código de acesso',
      intro: [`Use este código para entrar no Portal do Cliente ${tenant}:`],
      action: { code },
      notes: [
        `Atenção: este código não é a sua senha. Ele vale para um único acesso e expira em ${minutes(expiresInMinutes)}.`,
        `Nunca compartilhe este código: ${tenant} nunca vai pedi-lo a você. Se não foi você quem tentou entrar, ignore este e-mail.`,
        spam,
      ],
    }),
    'request-update': ({ link, requestSubject, event, status }, tenant) => ({
      subject: event === 'reply' ? `${tenant} respondeu à sua solicitação` : `Sua solicitação a ${tenant}: ${STATUS[status]}`,
      heading: event === 'reply' ? 'Você tem uma resposta' : 'Sua solicitação andou',
      intro: [
        event === 'reply' ? `${tenant} respondeu à sua solicitação “${requestSubject}”.` : `Sua solicitação “${requestSubject}” agora está ${STATUS[status]}.`,
        'Entre no portal do cliente para ler e, se precisar, responder.',
      ],
      action: { button: 'Abrir minha solicitação', link },
      notes: [`Você recebe este e-mail porque fez esta solicitação no portal do cliente de ${tenant}.`],
    }),
    'process-update': ({ link, processTitle, event, detail }, tenant) => ({
      subject: event === 'phase' ? `${tenant}: seu processo avançou para “${detail}”` : `${tenant}: novidade no seu processo — ${detail}`,
      heading: event === 'phase' ? 'Seu processo avançou' : 'Há uma novidade no seu processo',
      intro: [
        event === 'phase' ? `O processo “${processTitle}” passou para a fase “${detail}”.` : `${tenant} publicou “${detail}” no processo “${processTitle}”.`,
        'Acesse o portal do cliente para ver os detalhes.',
      ],
      action: { button: 'Ver meu processo', link },
      notes: [`Você recebe este e-mail porque ${tenant} conduz este processo e você tem acesso a ele no portal do cliente.`],
    }),
    'document-new': ({ link, documentTitle }, tenant) => ({
      subject: `${tenant}: novo documento — ${documentTitle}`,
      heading: 'Você tem um documento novo',
      intro: [`${tenant} disponibilizou “${documentTitle}” no portal do cliente.`],
      action: { button: 'Ver meus documentos', link },
      notes: [`Você recebe este e-mail porque tem acesso aos documentos desta conta no portal do cliente de ${tenant}.`],
    }),
    'appointment-booked': (data, tenant) => ({
      subject: `${tenant}: agendamento confirmado — ${data.serviceName}, ${appointmentStart('pt-BR', data)}`,
      heading: 'Seu agendamento está confirmado',
      intro: [
        `${data.serviceName} com ${data.providerName}.`,
        `Quando: ${appointmentWhen('pt-BR', data)}.`,
        ...(data.location ? [`Onde: ${data.location}.`] : []),
        'O convite anexo (appointment.ics) coloca o horário na sua agenda.',
      ],
      action: { button: 'Ver meus agendamentos', link: data.link },
      notes: [
        'Para ver os detalhes ou cancelar, dentro do prazo permitido, entre no portal do cliente.',
        `Você recebe este e-mail porque há um agendamento em seu nome no portal do cliente de ${tenant}.`,
      ],
    }),
    'appointment-cancelled': (data, tenant) => ({
      subject: `${tenant}: agendamento cancelado — ${data.serviceName}, ${appointmentStart('pt-BR', data)}`,
      heading: 'Seu agendamento foi cancelado',
      intro: [
        `O agendamento de ${data.serviceName} com ${data.providerName} marcado para ${appointmentWhen('pt-BR', data)} foi cancelado.`,
        'O convite anexo (appointment.ics) tira o horário da sua agenda.',
      ],
      action: { button: 'Ver meus agendamentos', link: data.link },
      notes: [
        `Se você não pediu este cancelamento, fale com ${tenant}.`,
        `Você recebe este e-mail porque havia um agendamento em seu nome no portal do cliente de ${tenant}.`,
      ],
    }),
  },
};
