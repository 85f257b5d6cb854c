"""Date and number formats for the admin's language (FORMAT_MODULE_PATH), overriding Django's."""
