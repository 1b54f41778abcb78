// The currencies the create forms offer (any ISO code the runtime knows would parse).
// prettier-ignore
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'HKD', 'SGD']
