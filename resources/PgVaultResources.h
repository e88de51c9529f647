#pragma once

// Registers resources/pgvault.qrc (the icons, as ":/icons/<name>.svg").
//
// pgvault-resources is an OBJECT library, so an executable that links it directly gets the
// resources registered by a static initialiser already. Call this anyway, once, early in main()
// (before the first QIcon): it is cheap and idempotent, and it is what pulls the resource object
// in when the library reaches a binary only through a static library. Needs QtCore only.
//
// Global on purpose: Q_INIT_RESOURCE must be expanded outside any namespace.
void pgvaultInitResources();
