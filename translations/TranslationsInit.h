#pragma once

// Registers the compiled translations (translations/pgvault_<lang>.ts -> .qm) as resources:
//   :/i18n/pgvault_de.qm   German
//   :/i18n/pgvault_en.qm   English plural forms only (tr("%n backup(s)", nullptr, n))
// Load them with QTranslator::load(QLocale(), u"pgvault"_s, u"_"_s, u":/i18n"_s).
//
// pgvault-translations is an OBJECT library, so an executable that links it directly has the
// resources registered by a static initialiser already. Call this anyway, once, before loading a
// translator: it is cheap and idempotent, and it is what pulls the resource object in when the
// library reaches a binary only through a static library. QtCore only; the CLI links it too.
//
// Global on purpose: Q_INIT_RESOURCE must be expanded outside any namespace.
void pgvaultInitTranslations();
