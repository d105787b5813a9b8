const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 with padding, as DynamoDB's JSON wire format carries binary values; nothing else is accepted. */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}
