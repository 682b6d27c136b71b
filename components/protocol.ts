/**
 * The UI's one door to the message protocol: the types of each message's request and response
 * (lib/messages), and the error a request can fail with. Only the schema-free wire module is
 * loaded at run time, so no page builds the message schemas by rendering a component.
 */
export type { CaptureFailure, MessageType, RequestOf, ResponseOf } from '../lib/messages';
export { errorMessageKey, MessagingError, type MessagingErrorCode } from '../lib/wire';
