"""Showcases of community security models (Camera an ninh, Tổ liên gia an toàn PCCC, …)."""
