import { registerEnumType } from '@nestjs/graphql';

export enum RateSourceCode {
  NBP = 'NBP',
  ECB = 'ECB',
}
registerEnumType(RateSourceCode, {
  name: 'RateSource',
  description:
    'NBP: Polish central bank, table A mid rates (1 CCY = x PLN). ECB: euro reference rates (1 EUR = x CCY).',
});
