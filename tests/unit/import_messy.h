/*
 * A messy volunteer spreadsheet as organisations really send them, shared by
 * the import tests: a byte order mark, ';' separators, CRLF line ends, Dutch
 * diacritics, dates in four forms and a spreadsheet day number, a quoted
 * name with a ';' in it, an empty row, a formula cell (row 6), the same
 * person twice in other letter case (rows 2 and 7), a row without e-mail,
 * and an unknown place (row 9).
 */
#ifndef KP_TESTS_IMPORT_MESSY_H
#define KP_TESTS_IMPORT_MESSY_H

static const char messy[] =
	"\xef\xbb\xbfVoornaam;Achternaam;E-mailadres;Telefoon;Geboortedatum;Woonplaats;"
	"Startdatum;Status\r\n"
	"Jo\xc3\xabl;de Vries;Joel@Example.nl;+31 6 1234 5678;3-4-1961;Dordrecht;2025-01-15;"
	"actief\r\n"
	"Anouk;Brouwer;anouk@example.nl;;12/11/1975;Zwijndrecht;1 maart 2024;aangemeld\r\n"
	";;;;;;;\r\n"
	"\"Zo\xc3\xab\";\"\xc3\x87""elik; van den Berg\";zoe@example.nl;0612345678;1980-02-29;"
	"Papendrecht;45292;\r\n"
	"Kees;=HYPERLINK(\"http://x\");kees@example.nl;;;Sliedrecht;;\r\n"
	"Jo\xc3\xabl;de Vries;JOEL@example.nl;;;Dordrecht;;\r\n"
	"Bram;Smit;;;;Alblasserdam;15.06.2023;gepauzeerd\r\n"
	"Piet;Onbekend;piet@example.nl;;;Atlantis;;\r\n";

#endif
