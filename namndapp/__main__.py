from namndapp.cli import main

main()
