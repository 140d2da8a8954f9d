import crypto from 'node:crypto';

/** Small files of each kind, recognisable by their leading bytes, with random content after them. */
export const sample = {
  png: (size = 2048) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(size - 8)]),
  jpeg: (size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(size - 4)]),
  pdf: (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(size - 9)]),
  docx: (size = 2048) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), crypto.randomBytes(size - 4)]),
  text: () => Buffer.from('这不是图片，只是改了扩展名的文本文件'),
};

export const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Posts one file as multipart field `file` (after any text `fields`); returns the status, the JSON answer and the headers. */
export async function postFile(url: string, bytes: Buffer, fileName: string, headers: Record<string, string> = {}, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), fileName);
  const response = await fetch(url, { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

export async function getFile(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes, headers: response.headers, json: () => JSON.parse(bytes.toString('utf8')) };
}
