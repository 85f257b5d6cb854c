"""Announcements of public dialogue forums ("Công an lắng nghe ý kiến nhân dân")."""
