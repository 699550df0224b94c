"""The PySide6 application and the command line. The window hears the portfolio through one signal
(session.Session.changed); screens/ pair with the core's read-models, dialogs/ and widgets/ serve them."""
