import SSMapCommands

SSMap.main()
