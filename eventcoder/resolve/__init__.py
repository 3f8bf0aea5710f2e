"""Resolution of actors, places, dates and fatalities."""
