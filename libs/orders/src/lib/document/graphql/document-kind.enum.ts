import { registerEnumType } from '@nestjs/graphql';

export enum DocumentKindCode {
  pdf = 'pdf',
  png = 'png',
  jpeg = 'jpeg',
  dwg = 'dwg',
  dxf = 'dxf',
  step = 'step',
}
registerEnumType(DocumentKindCode, {
  name: 'DocumentKind',
  description: 'The type of a document, told by its content: PDF, PNG, JPEG, AutoCAD DWG, DXF or STEP (ISO 10303-21).',
});
