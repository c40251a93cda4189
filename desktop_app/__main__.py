from desktop_app.cli.main import main

raise SystemExit(main())
