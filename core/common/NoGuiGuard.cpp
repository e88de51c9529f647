// pgvault-core must stay free of QtGui/QtWidgets so that pgvault-cli runs on a headless server.
// Qt's CMake targets define these macros when they are linked; this file refuses to build then.
#if defined(QT_GUI_LIB) || defined(QT_WIDGETS_LIB)
#error "pgvault-core must not link QtGui or QtWidgets"
#endif
