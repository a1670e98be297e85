import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DocumentKindCode } from './document-kind.enum';

@ObjectType('OrderDocument', {
  description: 'A drawing or document attached to an order or one of its work packages.',
})
export class OrderDocumentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) orderId: string;
  @Field(() => ID, { nullable: true, description: 'The work package it belongs to; null for the whole order.' })
  packageId: string | null;
  @Field(() => ID, { nullable: true, description: "A supplier's document to its quote; sealed like the quote." })
  quoteId: string | null;
  @Field({ description: 'The uploader’s name for it, sanitized; its extension agrees with the content.' })
  fileName: string;
  @Field(() => DocumentKindCode) kind: DocumentKindCode;
  @Field({ description: 'The media type it is served with.' }) mime: string;
  @Field(() => Float) sizeBytes: number;
  @Field({ description: 'Lower-case hex SHA-256 of the bytes.' }) sha256: string;
  @Field() createdAt: Date;
  @Field({ description: 'GET this path on the gateway with the same Bearer token to download the bytes.' })
  downloadPath: string;
}
