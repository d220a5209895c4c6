global using System.ComponentModel;
global using System.Runtime.CompilerServices;
