// Interactive messages (reply buttons and lists): the API's shape follows the Cloud API's `interactive` object, with a
// button as `{id, title}` where the Cloud API wraps it as `{type: reply, reply: {id, title}}`. The wire layer's
// builders hold the documented limits; every channel's messages are checked by them when they are created.
import type { InteractiveContent } from '../db/entities';
import { listMessage, replyButtonsMessage, type ListBody, type ReplyButtonsBody } from './whatsapp-cloud/messages';

/** The Cloud API body of an interactive message to `to`; an InvalidMessageError names the field in that body. */
export function interactiveBody(to: string, content: InteractiveContent): ReplyButtonsBody | ListBody {
  if (content.type === 'button') {
    return replyButtonsMessage({
      to,
      body: content.body.text,
      ...(content.header ? { header: { text: content.header.text } } : {}),
      ...(content.footer ? { footer: content.footer.text } : {}),
      buttons: content.action.buttons.map((b) => ({ id: b.id, title: b.title })),
    });
  }
  return listMessage({
    to,
    body: content.body.text,
    ...(content.header ? { header: content.header.text } : {}),
    ...(content.footer ? { footer: content.footer.text } : {}),
    button: content.action.button,
    sections: content.action.sections.map((s) => ({ ...(s.title !== undefined ? { title: s.title } : {}), rows: s.rows })),
  });
}

/** A pointer into the Cloud API body, as the pointer of the same field in the API's message. */
export function apiPointer(pointer: string): string {
  return pointer.replace(/^(\/interactive\/action\/buttons\/\d+)\/reply(?=\/|$)/, '$1');
}
