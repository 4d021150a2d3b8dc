"""Reading and writing other formats. No textual."""
