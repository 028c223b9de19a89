"""The HTML briefing (`export --format html`): one self-contained page, its CSS and script
inlined from the files beside this module."""
