/**
 * The most common passwords of at least 8 characters (from the published top lists, plus Portuguese and Spanish
 * favourites), lower-cased: refused as new passwords (SECURITY.md 2).
 */
export const COMMON_PASSWORDS = new Set(
  `12345678 123456789 1234567890 12345678910 123123123 11111111 00000000 87654321 11223344 12341234 88888888
  password password1 password12 password123 passw0rd p@ssw0rd p@ssword qwertyuiop qwerty123 qwerty12 1q2w3e4r
  1q2w3e4r5t 1qaz2wsx zaq12wsx asdfghjk asdfghjkl iloveyou iloveyou1 sunshine princess football baseball
  welcome1 welcome123 letmein1 trustno1 superman starwars whatever computer michael1 jennifer charlie1
  abcd1234 abc12345 abcdefgh 123abc123 aa123456 a1234567 qwe12345 q1w2e3r4 q1w2e3r4t5 changeme changeme1
  admin123 administrator master123 access14 dragon12 monkey12 shadow12 mustang1 passport 123qweasd
  senha123 senha1234 senha12345 mudar123 brasil123 flamengo corinthians palmeiras saopaulo gremio123
  contraseña contrasena contrasena1 contraseña1 12345678a 123456789a estrella barcelona madrid123
  teamo123 tequiero iloveu123 portugal portico123 qazwsxedc 147258369 159753456 987654321 11111111a`.split(/\s+/),
);
