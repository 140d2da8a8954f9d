/** RFC 6266/5987: an ASCII fallback in filename, the real (Chinese) name in filename*. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, fallbackExtension: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const fallback = /[A-Za-z0-9]/.test(ascii.replace(/\.[^.]*$/, '')) ? ascii : `evidence.${fallbackExtension}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
