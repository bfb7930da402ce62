/** Photo checks at upload (issue 16), in English. Keys mirror photo.id.ts. */
const photo = {
  doc: { kk: 'family card (KK)', akta: 'birth certificate', ktp: 'identity card (KTP-el)', photo: "child's photo", document: 'document' },
  whole: { kk: 'the whole card', akta: 'the whole certificate', ktp: 'the whole card', photo: "the child's face", document: 'the whole document' },
  problem: {
    blurred: 'The photo of the {{doc}} is blurred. Please take it again in good light, with {{whole}} visible.',
    dark: 'The photo of the {{doc}} is too dark. Please take it again in good light or near a window, without covering {{whole}}.',
    bright: 'The photo of the {{doc}} is too bright and the text is washed out. Please take it again without flash and out of direct sunlight.',
    small: 'The photo of the {{doc}} is too small to read. Please send the original photo from your phone camera (not a screenshot or a reduced copy).',
    cropped: 'The photo of the {{doc}} is cut off or taken from too far. Please take it again from close up, with {{whole}} visible to its edges and filling the photo.',
    screen: 'The photo of the {{doc}} seems to be taken of a phone or computer screen. Please photograph the original document.',
    no_face: "The child's face is not clearly in the middle of the photo. Please take it again with the child facing the camera, in the middle, against a plain background.",
    wrong_document: 'This photo does not seem to be the {{doc}} (read: {{read}}). Please send a photo of the {{doc}}.',
  },
  send_anyway: 'If you cannot take it again, you may still send this photo and an officer will check it.',
  ok: 'The photo of the {{doc}} is clear.',
  number: {
    nik_match: 'The NIK on the photo of the {{doc}} matches.',
    kk_match: 'The KK number on the photo of the family card matches.',
    nik_differs: 'The NIK on the photo of the {{doc}} reads {{read}}, which differs from the one entered ({{typed}}) at digit {{positions}}. Please check the NIK you entered.',
    kk_differs: 'The KK number on the photo reads {{read}}, which differs from the one entered ({{typed}}) at digit {{positions}}. Please check the KK number you entered.',
    not_read: 'The number on the photo of the {{doc}} could not be read automatically; an officer will check it.',
  },
  cli: {
    file_unreadable: 'The file {{file}} cannot be opened.',
    not_an_image: 'The file {{file}} is not a readable image. Use a JPG, PNG or WebP photo.',
    too_large: 'The file {{file}} is too large ({{size}} MB); the limit is {{limit}} MB.',
    too_many_pixels: 'The image {{file}} is too large ({{width}} × {{height}} pixels).',
    kind_invalid: 'Unknown photo kind "{{kind}}". Choose one of: kk, akta, ktp, photo.',
    measures: 'Size: {{width}} × {{height}} pixels; sharpness {{sharpness}}; mean brightness {{mean}}.',
    numbers_none: 'No 16-digit number was read.',
    numbers_timeout: 'Reading the numbers (OCR) did not finish within {{seconds}} seconds.',
  },
} as const;

export default photo;
