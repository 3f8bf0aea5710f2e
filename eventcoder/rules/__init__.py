"""Rules: from the mentions of a sentence to candidate events."""
