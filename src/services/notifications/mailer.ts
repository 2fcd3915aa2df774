import nodemailer from 'nodemailer';

/** How the platform sends e-mail; null when e-mail is off (PLANTRACK_SMTP_URL unset). */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://…; null = e-mail off. */
  smtpUrl: string | null;
  /** Sender, e.g. "PlanTrack <plantrack@example.gov.cn>". */
  from: string;
}

export function createMailer(config: MailConfig): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({ from: config.from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}
