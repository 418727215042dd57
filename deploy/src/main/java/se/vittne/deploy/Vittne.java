package se.vittne.deploy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vittne} command. Each process of the system is one of its sub-commands. */
@Command(
    name = "vittne",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Vittne call recording: capture nodes, the admin web app and their tools.")
public final class Vittne implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every sub-command registered. */
  public static CommandLine commandLine() {
    return new CommandLine(new Vittne())
        .addSubcommand(new DemoCommand())
        .addSubcommand(new CaptureCommand())
        .addSubcommand(new AdminCommand())
        .addSubcommand(new MigrateCommand())
        .addSubcommand(new LoadgenCommand());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
