// For tests: what people in different locales type into a money field, what it is worth, and a
// way to run a view as the webview would in that locale (displayLocale() reads
// navigator.language). Every money field's tests go through these cases.
import { amountExample } from './money-input';

/** The locales every money field is tested in. */
export const MONEY_LOCALES = ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'hi-IN', 'ja-JP'] as const;
export type MoneyLocale = (typeof MONEY_LOCALES)[number];

export interface TypedAmount {
  locale: MoneyLocale;
  currency: string;
  typed: string;
  /** Minor units the field must send. */
  minor: number;
}

/** Amounts as people write them in each locale (grouping, decimal comma, no-decimal JPY). */
export const TYPED_AMOUNTS: readonly TypedAmount[] = [
  { locale: 'en-US', currency: 'EUR', typed: '1,250,000.50', minor: 125_000_050 },
  { locale: 'en-US', currency: 'USD', typed: '$12.50', minor: 1250 },
  // The same text, two amounts: only the locale tells "1,250" apart (three-decimal dinar).
  { locale: 'en-US', currency: 'KWD', typed: '1,250', minor: 1_250_000 },
  { locale: 'de-DE', currency: 'KWD', typed: '1,250', minor: 1250 },
  { locale: 'de-DE', currency: 'EUR', typed: '1.250,50', minor: 125_050 },
  { locale: 'de-DE', currency: 'EUR', typed: '1.250.000', minor: 125_000_000 },
  { locale: 'fr-FR', currency: 'EUR', typed: '12,50', minor: 1250 },
  { locale: 'fr-FR', currency: 'EUR', typed: '1\u202f250\u202f000,50\u00a0€', minor: 125_000_050 },
  { locale: 'de-CH', currency: 'CHF', typed: '1\u2019250.50', minor: 125_050 },
  { locale: 'de-CH', currency: 'CHF', typed: "CHF 1'250'000", minor: 125_000_000 },
  { locale: 'hi-IN', currency: 'INR', typed: '12,50,000.50', minor: 125_000_050 },
  { locale: 'hi-IN', currency: 'INR', typed: '₹1,25,000', minor: 12_500_000 },
  { locale: 'ja-JP', currency: 'JPY', typed: '1,250', minor: 1250 },
  { locale: 'ja-JP', currency: 'JPY', typed: '\uff11\uff12\uff0c\uff15\uff10\uff10', minor: 12_500 },
  { locale: 'ja-JP', currency: 'JPY', typed: '\uffe51,250,000', minor: 1_250_000 },
];

export interface RefusedAmount {
  locale: MoneyLocale;
  currency: string;
  typed: string;
  /** The message the field must show (the shared parser's; examples are written as the locale's ICU data writes them). */
  message: string;
}

/** Text a money field must refuse before anything is sent, with the message shown at the field. */
export const REFUSED_AMOUNTS: readonly RefusedAmount[] = [
  { locale: 'en-US', currency: 'EUR', typed: '12abc', message: 'Enter an amount like 1,250,000' },
  { locale: 'de-DE', currency: 'EUR', typed: '12,505', message: 'EUR amounts have at most 2 decimals' },
  { locale: 'fr-FR', currency: 'EUR', typed: 'douze', message: `Enter an amount like ${amountExample('fr-FR')}` },
  { locale: 'de-CH', currency: 'CHF', typed: '1.2.3,4', message: `Enter an amount like ${amountExample('de-CH')}` },
  { locale: 'hi-IN', currency: 'INR', typed: '12 lakh', message: 'Enter an amount like 12,50,000' },
  { locale: 'ja-JP', currency: 'JPY', typed: '12.5', message: 'JPY amounts have no decimals: enter a whole amount like 1,250,000' },
];

/**
 * Runs what follows as a webview whose language is `locale`; returns the function that puts
 * the test environment's language back.
 */
export function useNavigatorLanguage(locale: string): () => void {
  Object.defineProperty(navigator, 'language', { value: locale, configurable: true });
  return () => {
    delete (navigator as { language?: string }).language;
  };
}
