/** One line of feedback under a section: polite for success, an alert for errors. */
export function Status({ message }: { message: { kind: 'ok' | 'error'; text: string } | null }) {
  if (!message) return null;
  return message.kind === 'ok' ? (
    <p className="rg-saved" role="status">
      {message.text}
    </p>
  ) : (
    <p className="rg-error" role="alert">
      {message.text}
    </p>
  );
}

export type StatusMessage = { kind: 'ok' | 'error'; text: string } | null;

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
