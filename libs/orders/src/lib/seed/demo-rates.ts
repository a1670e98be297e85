/**
 * Exchange-rate files for the demo, in the formats the platform imports (NBP table A JSON, ECB daily XML).
 * Sample figures of realistic size for November 2026, not the banks' published rates: production imports the
 * real files (importExchangeRates).
 */
export const DEMO_NBP_TABLE_A =
  '[{"table": "A", "no": "221/A/NBP/2026", "effectiveDate": "2026-11-16", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.2412}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.9105}]}, {"table": "A", "no": "222/A/NBP/2026", "effectiveDate": "2026-11-17", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.2388}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.9087}]}, {"table": "A", "no": "223/A/NBP/2026", "effectiveDate": "2026-11-18", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.2405}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.9122}]}, {"table": "A", "no": "224/A/NBP/2026", "effectiveDate": "2026-11-19", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.2361}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.9013}]}, {"table": "A", "no": "225/A/NBP/2026", "effectiveDate": "2026-11-20", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.234}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.899}]}, {"table": "A", "no": "226/A/NBP/2026", "effectiveDate": "2026-11-23", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.2377}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.9034}]}, {"table": "A", "no": "227/A/NBP/2026", "effectiveDate": "2026-11-24", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.2356}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.9021}]}, {"table": "A", "no": "228/A/NBP/2026", "effectiveDate": "2026-11-25", "rates": [{"currency": "euro", "code": "EUR", "mid": 4.2345}, {"currency": "dolar amerykański", "code": "USD", "mid": 3.9012}]}]';

export const DEMO_ECB_DAILY = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>
    <Cube time="2026-11-25">
      <Cube currency="USD" rate="1.0854"/>
      <Cube currency="PLN" rate="4.2324"/>
    </Cube>
    <Cube time="2026-11-24">
      <Cube currency="USD" rate="1.0855"/>
      <Cube currency="PLN" rate="4.2335"/>
    </Cube>
    <Cube time="2026-11-23">
      <Cube currency="USD" rate="1.0856"/>
      <Cube currency="PLN" rate="4.2356"/>
    </Cube>
    <Cube time="2026-11-20">
      <Cube currency="USD" rate="1.0859"/>
      <Cube currency="PLN" rate="4.2319"/>
    </Cube>
    <Cube time="2026-11-19">
      <Cube currency="USD" rate="1.0858"/>
      <Cube currency="PLN" rate="4.2340"/>
    </Cube>
    <Cube time="2026-11-18">
      <Cube currency="USD" rate="1.0839"/>
      <Cube currency="PLN" rate="4.2384"/>
    </Cube>
    <Cube time="2026-11-17">
      <Cube currency="USD" rate="1.0845"/>
      <Cube currency="PLN" rate="4.2367"/>
    </Cube>
    <Cube time="2026-11-16">
      <Cube currency="USD" rate="1.0846"/>
      <Cube currency="PLN" rate="4.2391"/>
    </Cube>
  </Cube>
</gesmes:Envelope>
`;
