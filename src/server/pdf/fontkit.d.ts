/** fontkit (PDFKit's font engine) ships no types; PDFKit accepts the font object it creates. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): { postscriptName: string };
}
